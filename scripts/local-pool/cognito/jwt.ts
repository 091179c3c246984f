import { createPrivateKey, createPublicKey, type JsonWebKey, sign, verify } from 'node:crypto';
import privateKeyFile from 'cognito-local/lib/keys/cognitoLocal.private.json';
import publicKeyFile from 'cognito-local/lib/keys/cognitoLocal.public.json';

/**
 * The pool's signing key: cognito-local's key pair, whose public half its JWKS endpoint
 * (`/<poolId>/.well-known/jwks.json`) serves, so tokens verify as an app verifies Cognito's (aws-jwt-verify).
 */
const PRIVATE_KEY = createPrivateKey({ key: privateKeyFile.jwk as JsonWebKey, format: 'jwk' });
const PUBLIC_KEY = createPublicKey({ key: publicKeyFile.jwk as JsonWebKey, format: 'jwk' });
const KEY_ID = publicKeyFile.jwk.kid;

/** Claims of a JSON web token. */
export type Claims = Record<string, unknown>;

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `claims` with RS256 under the pool's key id. */
export function signJwt(claims: Claims): string {
  const unsigned = `${encode({ kid: KEY_ID, alg: 'RS256' })}.${encode(claims)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), PRIVATE_KEY).toString('base64url')}`;
}

/** The claims of a token the pool signed, or undefined when it is malformed or its signature does not verify. */
export function verifiedClaims(token: string): Claims | undefined {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return undefined;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    PUBLIC_KEY,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}
