/**
 * What `npm run pool -- sign-in` shows of the tokens it gets: the claims of each token an app or API reads (the
 * user's attributes, groups, roles, tenant, client claims), and the access token's scopes, so the effect of the
 * preTokenGeneration function can be seen. The JWT bookkeeping claims are left out. Not verified: for display only.
 */

/** Claims every token carries for its own checking, which say nothing about the user. */
const BOOKKEEPING = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'origin_jti',
  'event_id',
  'auth_time',
  'at_hash',
  'token_use',
]);

/** The payload of a JWT, or an empty object for a missing or malformed one. */
export function claimsOf(token: string | undefined): Record<string, unknown> {
  const payload = token?.split('.')[1];
  if (payload === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function meaningful(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([claim]) => !BOOKKEEPING.has(claim)));
}

/** The ID token's and access token's claims, and the access token's scopes as a list. */
export function tokenSummary(tokens: { IdToken?: string; AccessToken?: string }) {
  const { scope, ...access } = claimsOf(tokens.AccessToken);
  return {
    idToken: meaningful(claimsOf(tokens.IdToken)),
    accessToken: meaningful(access),
    scopes: typeof scope === 'string' ? scope.split(' ').filter((item) => item !== '') : [],
  };
}
