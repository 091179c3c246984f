import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';

/**
 * Verifies a token of the local pool as an app verifies Cognito's, with aws-jwt-verify: RS256 against the pool's
 * JWKS, issuer `<endpoint>/<poolId>`, expiry, `token_use` and the app client (`aud` or `client_id`). The JWKS is
 * fetched here and handed to the verifier, which fetches over HTTPS only.
 */
export async function verifyPoolToken(
  endpoint: string,
  userPoolId: string,
  clientId: string,
  token: string,
  tokenUse: 'id' | 'access',
): Promise<Record<string, unknown>> {
  const issuer = `${endpoint}/${userPoolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const verifier = JwtRsaVerifier.create({
    issuer,
    jwksUri,
    audience: tokenUse === 'id' ? clientId : null,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== tokenUse) throw new Error(`Not an ${tokenUse} token.`);
      if (tokenUse === 'access' && payload.client_id !== clientId) throw new Error('Issued to another client.');
    },
  });
  verifier.cacheJwks((await (await fetch(jwksUri)).json()) as Jwks);
  return (await verifier.verify(token)) as Record<string, unknown>;
}
