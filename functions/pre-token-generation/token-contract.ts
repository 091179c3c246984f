/**
 * What Cognito lets a PreTokenGeneration answer change, as the response check applies it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */

/**
 * Claims no answer may add, override or suppress, in either token: Cognito ignores such a change, so an answer that
 * makes one is a mistake. The developer guide's excluded claims, which the local pool enforces too.
 */
export const RESERVED_CLAIMS: ReadonlySet<string> = new Set([
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
]);

/**
 * Claims an answer changes through other fields, never as claims: the groups and roles (`groupOverrideDetails`) and,
 * in the access token, the client, scopes (`scopesToAdd`, `scopesToSuppress`) and user name Cognito writes.
 */
export const MANAGED_CLAIMS = {
  id: new Set(['cognito:groups', 'cognito:roles', 'cognito:preferred_role']),
  access: new Set(['cognito:groups', 'client_id', 'scope', 'username']),
} as const satisfies Record<string, ReadonlySet<string>>;

/**
 * ID token claims whose value must stay a string, number or boolean: the guide lets any claim of the ID token hold a
 * complex value except these.
 */
export const SIMPLE_ID_TOKEN_CLAIMS: ReadonlySet<string> = new Set([
  'email_verified',
  'phone_number_verified',
  'updated_at',
  'address',
]);

/**
 * The most bytes the claims an answer adds to one token may take as JSON. Cognito documents no limit of its own;
 * tokens travel in HTTP headers, and CloudFront refuses a request whose header section exceeds 8,192 bytes
 * (aws-amplify/amplify-js#9695) while API Gateway allows 10,240 bytes of request line and headers. A token is
 * base64url (4/3 of its JSON) next to Cognito's own claims of about 1 KB, so 4 KiB of added claims keeps one token
 * near 6.5 KB.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export const MAX_ADDED_CLAIMS_BYTES = 4_096;

const encoder = new TextEncoder();

/** The bytes `claims` take as JSON, as {@link MAX_ADDED_CLAIMS_BYTES} counts them. */
export function claimsBytes(claims: Readonly<Record<string, unknown>>): number {
  return encoder.encode(JSON.stringify(claims)).length;
}

/** The longest claim name the check lets through: long enough for a namespaced URL claim. */
const MAX_CLAIM_NAME_LENGTH = 256;

/** An OAuth scope: printable ASCII without spaces, quotes or backslashes (RFC 6749, section 3.3), at most 256 long. */
export const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;

/** A claim name: 1 to 256 printable characters, no whitespace. */
export function isClaimName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_CLAIM_NAME_LENGTH && /^[^\s\p{C}]+$/u.test(name);
}

/** Whether an answer may set or suppress `claim` in the `token`. */
export function isChangeableClaim(claim: string, token: keyof typeof MANAGED_CLAIMS): boolean {
  return !RESERVED_CLAIMS.has(claim) && !MANAGED_CLAIMS[token].has(claim);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function isJson(value: unknown, depth: number): boolean {
  if (isPrimitive(value) || value === null) return true;
  if (depth > 8 || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((item) => isJson(item, depth + 1));
}

/**
 * Whether `value` is a claim value Cognito accepts from V2_0 and V3_0: a string, a finite number, a boolean, an array
 * of those, or a JSON object. With `simple`, only the first three.
 */
export function isClaimValue(value: unknown, simple = false): boolean {
  if (isPrimitive(value)) return true;
  if (simple) return false;
  if (Array.isArray(value)) return value.every(isPrimitive);
  return typeof value === 'object' && value !== null && isJson(value, 0);
}

/**
 * Whether `value` is one Cognito accepts for `claim` in the `token`: a {@link isClaimValue claim value}, and a
 * simple one for the {@link SIMPLE_ID_TOKEN_CLAIMS} of the ID token.
 */
export function isClaimValueIn(token: keyof typeof MANAGED_CLAIMS, claim: string, value: unknown): boolean {
  return isClaimValue(value, token === 'id' && SIMPLE_ID_TOKEN_CLAIMS.has(claim));
}
