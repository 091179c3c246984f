import { isObject } from '../event-shape';
import { nodeCrypto } from '../node-crypto';

/**
 * Magic-link tokens: `<payload>.<mac>`, both base64url, where the payload is JSON naming the user, the pool, when
 * the link was issued and until when it signs in, and a random link id that makes it single-use; the mac is an
 * HMAC-SHA256 of the payload under the key of the `magicLinkKeyName` secret. The token travels in the link's
 * fragment (`#`), so browsers send it to no server; the app hands it back as the challenge answer.
 *
 * @see https://datatracker.ietf.org/doc/html/rfc2104
 */

/** What a magic link vouches for. Times are seconds since the epoch. */
export interface MagicLinkClaims {
  /** The user's name in the pool (the event's `userName`); the app signs in with it as `USERNAME`. */
  userName: string;
  userPoolId: string;
  issuedAt: number;
  expiresAt: number;
  /** Random, unique per link: the key of its single use. */
  linkId: string;
}

/** Why a token does not sign in. */
export type MagicLinkProblem = 'invalid' | 'expired';

/** Longest token read: a longer answer is refused before any parsing. */
const MAX_TOKEN_LENGTH = 2_048;
/** Separates the MAC's input from any other use of the key. */
const MAC_CONTEXT = 'cognito-flows/magic-link/v1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function mac(payload: string, key: Buffer): Buffer {
  return nodeCrypto().createHmac('sha256', key).update(MAC_CONTEXT).update(payload).digest();
}

/** The token for `claims`, signed with `key`. The same claims and key always give the same token. */
export function signMagicLink(claims: MagicLinkClaims, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({
      u: claims.userName,
      p: claims.userPoolId,
      iat: claims.issuedAt,
      exp: claims.expiresAt,
      jti: claims.linkId,
    }),
  ).toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
}

/** The claims of a payload, or undefined when it is not one. */
function claimsOf(payload: string): MagicLinkClaims | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const { u, p, iat, exp, jti } = parsed;
  if (typeof u !== 'string' || typeof p !== 'string' || typeof jti !== 'string') return undefined;
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) return undefined;
  return { userName: u, userPoolId: p, issuedAt: iat as number, expiresAt: exp as number, linkId: jti };
}

/**
 * The claims of `token` when its MAC is the one `key` gives (compared in constant time) and it has not expired at
 * `now`; otherwise why not. Whether it names the right user and has been used is the caller's to check.
 */
export function readMagicLink(token: string, key: Buffer, now: Date): MagicLinkClaims | MagicLinkProblem {
  if (token.length > MAX_TOKEN_LENGTH) return 'invalid';
  const [payload = '', signature = '', ...rest] = token.trim().split('.');
  if (rest.length > 0 || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return 'invalid';
  const expected = mac(payload, key);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !nodeCrypto().timingSafeEqual(given, expected)) return 'invalid';
  const claims = claimsOf(payload);
  if (claims === undefined) return 'invalid';
  return claims.expiresAt * 1000 <= now.getTime() ? 'expired' : claims;
}

/**
 * The user a token is for, read without checking it: what the sign-in page passes as `USERNAME` before the
 * triggers check the token.
 */
export function magicLinkUserName(token: string): string | undefined {
  const [payload = ''] = token.split('.');
  return BASE64URL.test(payload) ? claimsOf(payload)?.userName : undefined;
}
