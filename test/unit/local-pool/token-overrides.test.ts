import { applyTokenGeneration, type TokenContents } from '@scripts/local-pool/cognito/token-overrides';

/** The tokens the local pool makes before PreTokenGeneration, as tokens.ts builds them. */
function contents(): TokenContents {
  const shared = { sub: 'u1', iss: 'http://127.0.0.1/local_pool', 'cognito:groups': ['users'] };
  return {
    idToken: { ...shared, aud: 'client-1', token_use: 'id', email: 'jane@example.com', phone_number: '+15550100' },
    accessToken: { ...shared, client_id: 'client-1', token_use: 'access', username: 'jane' },
    scopes: ['aws.cognito.signin.user.admin'],
  };
}

describe('applyTokenGeneration with a V1_0 answer', () => {
  it('changes the ID token’s claims and both tokens’ groups, and leaves the access token’s claims and scopes', () => {
    const before = contents();

    const after = applyTokenGeneration(before, {
      version: 'V1_0',
      response: {
        claimsOverrideDetails: {
          claimsToAddOrOverride: { roles: '["admin"]', tenant_id: 'acme', sub: 'someone-else' },
          claimsToSuppress: ['phone_number', 'iss'],
          groupOverrideDetails: {
            groupsToOverride: ['admins'],
            iamRolesToOverride: ['arn:aws:iam::111122223333:role/admin'],
            preferredRole: 'arn:aws:iam::111122223333:role/admin',
          },
        },
      },
    });

    expect(after).toEqual({
      idToken: {
        sub: 'u1',
        iss: 'http://127.0.0.1/local_pool',
        aud: 'client-1',
        token_use: 'id',
        email: 'jane@example.com',
        roles: '["admin"]',
        tenant_id: 'acme',
        'cognito:groups': ['admins'],
        'cognito:roles': ['arn:aws:iam::111122223333:role/admin'],
        'cognito:preferred_role': 'arn:aws:iam::111122223333:role/admin',
      },
      accessToken: { ...before.accessToken, 'cognito:groups': ['admins'] },
      scopes: before.scopes,
    });
    expect(before).toEqual(contents());
  });

  it('leaves the tokens as they are when the V1_0 answer has no changes', () => {
    expect(applyTokenGeneration(contents(), { version: 'V1_0', response: {} })).toEqual(contents());
    expect(applyTokenGeneration(contents(), { version: 'V1_0', response: { claimsOverrideDetails: null } })).toEqual(
      contents(),
    );
  });
});
