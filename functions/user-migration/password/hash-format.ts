/** The password hash formats {@link verifyPassword} recognises, by the name used in logs and configuration. */
export const HASH_FORMAT_NAMES = ['bcrypt', 'pbkdf2-sha256', 'django-pbkdf2-sha256', 'scrypt', 'argon2'] as const;

/** A recognised password hash format. */
export type HashFormatName = (typeof HASH_FORMAT_NAMES)[number];

/** A stored hash whose format and parameters were checked, ready to compare passwords against. */
export interface ParsedHash {
  readonly format: HashFormatName;
  /** Whether `password` (as UTF-8) produces this hash; compares digests in constant time. */
  verify(password: string): Promise<boolean>;
}

/** One encoding of password hashes: how to recognise it and how to read its parameters. */
export interface HashFormat {
  readonly name: HashFormatName;
  /** Whether `encoded` is meant to be in this format (its prefix), whether or not it is well formed. */
  detects(encoded: string): boolean;
  /**
   * Reads the parameters, salt and digest of `encoded`.
   *
   * @throws CorruptHashError when the string is malformed or its parameters are outside the accepted bounds.
   */
  parse(encoded: string): ParsedHash;
}

/**
 * A hash that cannot be used: malformed, or with parameters so costly that verifying it would exhaust the
 * trigger's time budget. The message says why in terms of structure and parameter values, never salt or digest.
 */
export class CorruptHashError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CorruptHashError';
  }
}

/** An inclusive range a whole-number parameter must lie in. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** Checks that `value` lies within `bounds`; throws a {@link CorruptHashError} naming `what` otherwise. */
export function requireWithin(what: string, value: number, bounds: Bounds): number {
  if (!Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new CorruptHashError(`${what} must be from ${bounds.min} to ${bounds.max}, got ${value}`);
  }
  return value;
}
