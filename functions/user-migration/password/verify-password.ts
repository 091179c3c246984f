import { argon2Format } from './argon2';
import { bcryptFormat } from './bcrypt';
import { djangoPbkdf2Sha256Format } from './django-pbkdf2-sha256';
import { CorruptHashError, type HashFormat, type HashFormatName, type ParsedHash } from './hash-format';
import { pbkdf2Sha256Format } from './pbkdf2-sha256';
import { scryptFormat } from './scrypt';

/** Every format {@link verifyPassword} recognises. */
const FORMATS: readonly HashFormat[] = [
  bcryptFormat,
  pbkdf2Sha256Format,
  djangoPbkdf2Sha256Format,
  scryptFormat,
  argon2Format,
];

/** The outcome of checking a password against a stored hash. */
export type PasswordCheck =
  | { readonly outcome: 'match' | 'mismatch'; readonly format: HashFormatName }
  /** The hash cannot be used: its format is unknown, it is malformed, or its parameters are out of bounds. */
  | { readonly outcome: 'refused'; readonly format: HashFormatName | 'unknown'; readonly reason: string };

/**
 * Recognises the format of `encoded` and reads its parameters.
 *
 * @throws CorruptHashError when no format recognises it, or it is malformed or out of bounds.
 */
export function parsePasswordHash(encoded: string): ParsedHash {
  const format = FORMATS.find((candidate) => candidate.detects(encoded));
  if (format === undefined) throw new CorruptHashError('unrecognised hash format');
  return format.parse(encoded);
}

/**
 * Checks `password` against `encodedHash` in any recognised format: bcrypt, PBKDF2-SHA256 (PHC, passlib and
 * Django forms), scrypt and Argon2. A hash that cannot be used is refused — never accepted — with a reason that
 * names the format and what is wrong, but never repeats the hash.
 */
export async function verifyPassword(password: string, encodedHash: string): Promise<PasswordCheck> {
  let parsed: ParsedHash;
  try {
    parsed = parsePasswordHash(encodedHash);
  } catch (error) {
    if (!(error instanceof CorruptHashError)) throw error;
    const format = FORMATS.find((candidate) => candidate.detects(encodedHash))?.name ?? 'unknown';
    return { outcome: 'refused', format, reason: error.message };
  }
  return { outcome: (await parsed.verify(password)) ? 'match' : 'mismatch', format: parsed.format };
}
