import { claimsOf, tokenSummary } from '@scripts/local-pool/token-summary';

function jwt(payload: object): string {
  return ['{"alg":"RS256"}', JSON.stringify(payload), 'signature']
    .map((part, index) => (index < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');
}

describe('tokenSummary', () => {
  it('shows both tokens’ claims without the JWT bookkeeping, and the scopes as a list', () => {
    const summary = tokenSummary({
      IdToken: jwt({ sub: 'u1', iss: 'x', exp: 1, email: 'jane@example.com', roles: ['admin'], tenant_id: 'acme' }),
      AccessToken: jwt({
        sub: 'u1',
        jti: 'j',
        client_id: 'c',
        scope: 'aws.cognito.signin.user.admin flows-api/admin',
        roles: ['admin'],
      }),
    });

    expect(summary).toEqual({
      idToken: { sub: 'u1', email: 'jane@example.com', roles: ['admin'], tenant_id: 'acme' },
      accessToken: { sub: 'u1', client_id: 'c', roles: ['admin'] },
      scopes: ['aws.cognito.signin.user.admin', 'flows-api/admin'],
    });
  });

  it('shows nothing for missing or malformed tokens', () => {
    expect(tokenSummary({})).toEqual({ idToken: {}, accessToken: {}, scopes: [] });
    expect(claimsOf('a.not-json.b')).toEqual({});
  });
});
