import { RESERVED_CLAIMS } from '@functions/pre-token-generation/token-contract';
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

const ISSUER = 'http://127.0.0.1:9229/us-east-1_abc';

/** Tokens with every kind of claim the pool issues, reserved ones included. */
const CONTENTS: TokenContents = {
  idToken: {
    sub: 'b1c2',
    iss: ISSUER,
    aud: 'client-1',
    exp: 2_000_000_000,
    iat: 1_999_996_400,
    auth_time: 1_999_996_400,
    token_use: 'id',
    origin_jti: 'origin-1',
    jti: 'id-1',
    'cognito:username': 'b1c2',
    'cognito:groups': ['users'],
    email: 'jane@example.com',
    name: 'Jane Doe',
  },
  accessToken: {
    sub: 'b1c2',
    iss: ISSUER,
    exp: 2_000_000_000,
    token_use: 'access',
    origin_jti: 'origin-1',
    jti: 'access-1',
    client_id: 'client-1',
    username: 'b1c2',
    scope: 'aws.cognito.signin.user.admin',
    'cognito:groups': ['users'],
  },
  scopes: ['aws.cognito.signin.user.admin', 'openid'],
};

/** An override of every reserved claim, and a suppression of each. */
const EVERY_RESERVED_CLAIM = Object.fromEntries([...RESERVED_CLAIMS].map((claim) => [claim, 'overridden']));
const SUPPRESS_EVERY_RESERVED_CLAIM = [...RESERVED_CLAIMS];

/** The claims of `claims` that are reserved. */
function reservedOf(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([claim]) => RESERVED_CLAIMS.has(claim)));
}

describe('applyTokenGeneration: no answer, reserved claims, V2_0 and V3_0', () => {
  it('leaves the tokens as they are when the pool has no PreTokenGeneration', () => {
    expect(applyTokenGeneration(CONTENTS, undefined)).toEqual(CONTENTS);
  });

  it('V1_0 changes ID token claims and groups only, and keeps reserved claims', () => {
    const result = applyTokenGeneration(CONTENTS, {
      version: 'V1_0',
      response: {
        claimsOverrideDetails: {
          claimsToAddOrOverride: { tier: 'gold', name: 'J. Doe', ...EVERY_RESERVED_CLAIM },
          claimsToSuppress: ['email', ...SUPPRESS_EVERY_RESERVED_CLAIM],
          groupOverrideDetails: {
            groupsToOverride: ['beta'],
            iamRolesToOverride: ['arn:aws:iam::1:role/beta'],
            preferredRole: 'arn:aws:iam::1:role/beta',
          },
        },
      },
    });

    expect(result.idToken).toEqual({
      ...CONTENTS.idToken,
      tier: 'gold',
      name: 'J. Doe',
      email: undefined,
      'cognito:groups': ['beta'],
      'cognito:roles': ['arn:aws:iam::1:role/beta'],
      'cognito:preferred_role': 'arn:aws:iam::1:role/beta',
    });
    expect(reservedOf(result.idToken)).toEqual(reservedOf(CONTENTS.idToken));
    expect(result.accessToken).toEqual({ ...CONTENTS.accessToken, 'cognito:groups': ['beta'] });
    expect(result.scopes).toEqual(CONTENTS.scopes);
  });

  it.each(['V2_0', 'V3_0'] as const)(
    '%s changes both tokens with any JSON value, adds and suppresses scopes, and keeps reserved and managed claims',
    (version) => {
      const result = applyTokenGeneration(CONTENTS, {
        version,
        response: {
          claimsAndScopeOverrideDetails: {
            idTokenGeneration: {
              claimsToAddOrOverride: { tier: 'gold', ...EVERY_RESERVED_CLAIM },
              claimsToSuppress: ['name', ...SUPPRESS_EVERY_RESERVED_CLAIM],
            },
            accessTokenGeneration: {
              claimsToAddOrOverride: {
                tenant: { id: 7, plans: ['pro'] },
                client_id: 'another-client',
                scope: 'admin',
                username: 'someone-else',
                'cognito:groups': ['admins'],
                ...EVERY_RESERVED_CLAIM,
              },
              claimsToSuppress: ['client_id', ...SUPPRESS_EVERY_RESERVED_CLAIM],
              scopesToAdd: ['reports/read', 'openid'],
              scopesToSuppress: ['aws.cognito.signin.user.admin'],
            },
          },
        },
      });

      expect(result.idToken).toEqual({ ...CONTENTS.idToken, tier: 'gold', name: undefined });
      expect(result.accessToken).toEqual({ ...CONTENTS.accessToken, tenant: { id: 7, plans: ['pro'] } });
      expect(result.scopes).toEqual(['openid', 'reports/read']);
    },
  );

  it('removes the groups claim from both tokens when the groups are overridden with none', () => {
    const result = applyTokenGeneration(CONTENTS, {
      version: 'V2_0',
      response: { claimsAndScopeOverrideDetails: { groupOverrideDetails: { groupsToOverride: [] } } },
    });

    expect(result.idToken['cognito:groups']).toBeUndefined();
    expect(result.accessToken['cognito:groups']).toBeUndefined();
  });

  it('takes a null V2_0 answer as no change', () => {
    expect(
      applyTokenGeneration(CONTENTS, { version: 'V2_0', response: { claimsAndScopeOverrideDetails: null } }),
    ).toEqual(CONTENTS);
  });
});
