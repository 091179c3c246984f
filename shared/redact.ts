/**
 * Redaction applied to everything the logger writes: secrets are dropped by key, email addresses are
 * masked wherever they appear, and deep or huge values are cut short so a hostile event cannot flood logs.
 */

const SECRET_KEY =
  /password|passwd|secret|token|^code$|confirmation_?code|verification_?code|^otp$|answer|hash|authorization|cookie|credential/i;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const MAX_DEPTH = 6;
const MAX_STRING = 512;
/** The longest email address there can be (RFC 5321 path limit). */
const MAX_EMAIL = 254;
const MAX_KEYS = 50;

/** Replaces the local part of each email address in a text with its first character and `***`. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, '$1***@$2');
}

/** Returns a copy of `value` that is safe to log. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    // Mask only what can be kept: the email pattern takes quadratic time on long runs of address characters, so a
    // hostile megabyte-long value would stall the function. An address that starts within the kept part ends
    // within MAX_EMAIL characters after it, so it is still masked whole.
    // An address has an @: most values have none, and skip the pattern.
    const masked = value.includes('@')
      ? maskEmails(value.slice(0, MAX_STRING + MAX_EMAIL))
      : value.slice(0, MAX_STRING + MAX_EMAIL);
    return value.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…(${value.length} chars)` : masked;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return '[too deep]';
  }
  if (value instanceof Error) {
    return redactError(value, depth);
  }
  if (Array.isArray(value)) {
    return value.slice(0, MAX_KEYS).map((item) => redact(item, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, MAX_KEYS)) {
    copy[key] = SECRET_KEY.test(key) ? '[redacted]' : redact((value as Record<string, unknown>)[key], depth + 1);
  }
  return copy;
}

function redactError(error: Error, depth: number): Record<string, unknown> {
  const entry: Record<string, unknown> = { name: error.name, message: redact(error.message, depth + 1) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    entry.errorCode = code;
  }
  if (error.cause !== undefined) {
    entry.cause = redact(error.cause, depth + 1);
  }
  return entry;
}
