/**
 * Removes what must never be written to disk from a trigger event or response: the user's password
 * (`request.password` of UserMigration), codes (`request.code` of the custom sender triggers) and any other value
 * under a key that names a secret (e.g. a `recaptchaToken` in `validationData`). Everything else is kept as it
 * is, so a scrubbed event is still a faithful fixture.
 */

/** What a scrubbed value is replaced with. */
export const SCRUBBED = '[redacted]';

const SECRET_KEY = /password|secret|token|^code$/i;

/** Returns a deep copy of `value` with every value under a secret-looking key replaced by {@link SCRUBBED}. */
export function scrubSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) && item !== null ? SCRUBBED : scrubSecrets(item),
    ]),
  );
}
