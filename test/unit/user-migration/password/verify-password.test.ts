import { DUMMY_HASHES } from '@functions/user-migration/password/dummy-hashes';
import { HASH_FORMAT_NAMES } from '@functions/user-migration/password/hash-format';
import { parsePasswordHash, verifyPassword } from '@functions/user-migration/password/verify-password';
import fc from 'fast-check';

const PASSWORD = 'Legacy-Passw0rd!';

/** One hash of PASSWORD per format (vectors from the format tests). */
const HASHES = {
  bcrypt: '$2b$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2',
  'pbkdf2-sha256': '$pbkdf2-sha256$i=1000,l=32$AAECAwQFBgcICQoLDA0ODw$UQwIO7a5U+dXAaRMkoPngRiJwywQkrd9ATNY1a9jQ/o',
  'django-pbkdf2-sha256': 'pbkdf2_sha256$1000$Nq8sF3xkR2vLm0pQ$vR9Ss6S2VL0nNeYhBFlAHgDVFieG7ndK9AAQLWC7Oxw=',
  scrypt: '$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AZBoqv+GJCPDO2tDBfTuBU2KGR13A0nSMcV1sU5DlVs',
  argon2: '$argon2id$v=19$m=256,t=2,p=2$YXJnb24yLXNhbHQtMDEyMw$JFOjEgMhCVUmZ/Gk3ljZMcqIR2XbmD5hplBDi3nFTog',
} as const;

const FORMAT_HASHES = Object.entries(HASHES);

describe('verifyPassword', () => {
  it.each(FORMAT_HASHES)('recognises %s and reports a match', async (format, hash) => {
    await expect(verifyPassword(PASSWORD, hash)).resolves.toEqual({ outcome: 'match', format });
  });

  it.each(FORMAT_HASHES)('recognises %s and reports a mismatch', async (format, hash) => {
    await expect(verifyPassword('legacy-passw0rd!', hash)).resolves.toEqual({ outcome: 'mismatch', format });
  });

  it.each([
    ['plain text', PASSWORD],
    ['an unsalted SHA-256 hex digest', 'a'.repeat(64)],
    ['MD5-crypt', '$1$mvmz31IB$U9KpHBLegga2doA0e3s3N0'],
    ['PBKDF2-SHA512', '$pbkdf2-sha512$25000$salt$digest'],
    ['an empty string', ''],
  ])('refuses %s as an unrecognised format, never comparing it as plain text', async (_what, hash) => {
    await expect(verifyPassword(PASSWORD, hash)).resolves.toEqual({
      outcome: 'refused',
      format: 'unknown',
      reason: 'unrecognised hash format',
    });
  });

  it('refuses a corrupt hash of a known format, naming the format and the problem but not the hash', async () => {
    const corrupt = '$2b$14$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2';

    const check = await verifyPassword(PASSWORD, corrupt);

    expect(check).toEqual({ outcome: 'refused', format: 'bcrypt', reason: 'cost must be from 4 to 13, got 14' });
  });

  it('never accepts the password for a hash with one digest character changed, and never throws', async () => {
    const mutation = fc.record({
      format: fc.constantFrom(...FORMAT_HASHES),
      offset: fc.integer({ min: 1, max: 8 }),
      replacement: fc.constantFrom(...'AQgw/+.=$x0'),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ format: [, hash], offset, replacement }) => {
        const at = hash.length - offset;
        fc.pre(hash[at] !== replacement);
        const mutated = `${hash.slice(0, at)}${replacement}${hash.slice(at + 1)}`;

        const check = await verifyPassword(PASSWORD, mutated);

        expect(check.outcome).not.toBe('match');
      }),
      { numRuns: 60 },
    );
  });

  it('answers any string as a hash with refused or mismatch, never a match or an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.string({ maxLength: 20 }), async (hash, password) => {
        const check = await verifyPassword(password, hash);

        expect(['refused', 'mismatch']).toContain(check.outcome);
      }),
      { numRuns: 300 },
    );
  });
});

describe('DUMMY_HASHES', () => {
  it.each(HASH_FORMAT_NAMES)('holds a usable %s hash for unknown users', (format) => {
    expect(parsePasswordHash(DUMMY_HASHES[format]).format).toBe(format);
  });
});
