/*
 * A legacy account whose stored hash is in an unknown format, or in a known one but corrupt, never signs in: the
 * migration is refused with the same message as a wrong password, the record stays unmarked, and the log says
 * which format and what is wrong, without the hash.
 */

import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { HASH_FORMAT_NAMES, type HashFormatName } from '@functions/user-migration/password/hash-format';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { FIXTURE_LEGACY_USER, hashLegacyPassword, legacyUser } from '@test/helpers/legacy-users';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { createInMemoryLegacyUserStore, testConfig } from '@test/unit/user-migration/support';
import fc from 'fast-check';
import { FUZZ_RUNS } from './containment';

const { email: EMAIL, password: PASSWORD } = FIXTURE_LEGACY_USER;
const INCORRECT = 'Incorrect username or password.';

/** A valid hash of the fixture user's password in each format. */
let validHashes: Record<HashFormatName, string>;
const logs = captureStdoutLogsOfEachTest();

beforeAll(async () => {
  const entries = await Promise.all(
    HASH_FORMAT_NAMES.map(async (format) => [format, await hashLegacyPassword(PASSWORD, format)] as const),
  );
  validHashes = Object.fromEntries(entries) as Record<HashFormatName, string>;
});

/**
 * Ways to break a valid hash's structure: cut it short before its digest, drop or double a separator, change its
 * identifier or a parameter. (A digest cut by whole bytes is no corruption: scrypt and PBKDF2 hashes may have
 * digests of any length from 16 bytes, and a shorter digest of the same password is a prefix of the longer one.)
 */
const corruption = fc.oneof(
  fc.nat().map((cut) => (hash: string) => hash.slice(0, cut % Math.max(1, hash.lastIndexOf('$')))),
  fc.nat().map((at) => (hash: string) => {
    const separators = [...hash.matchAll(/\$/g)].map((match) => match.index);
    const index = separators[at % Math.max(1, separators.length)] ?? 0;
    return `${hash.slice(0, index)}${hash.slice(index + 1)}`;
  }),
  fc.constant((hash: string) => hash.replace('$', () => '$$')),
  fc
    .constantFrom('$2z$', '$pbkdf2-sha1$', '$scrypt2$', '$argon2x$', 'pbkdf2_sha1$')
    .map((prefix) => (hash: string) => hash.replace(/^\$?[^$]+\$/, prefix)),
  fc.constantFrom('0', '-1', '99999999999', 'NaN', '').map((value) => (hash: string) => hash.replace(/\d+/, value)),
);

/** A stored hash that no sign-in may pass: a broken valid hash, or any string at all. */
const unusableHash = fc.oneof(
  fc.tuple(fc.constantFrom(...HASH_FORMAT_NAMES), corruption).map(
    ([format, corrupt]) =>
      (hashes: Record<HashFormatName, string>) =>
        corrupt(hashes[format]),
  ),
  fc.string({ unit: 'grapheme', maxLength: 120 }).map((text) => () => text),
);

describe('a legacy account with an unknown or corrupt password hash', () => {
  it('is refused like a wrong password, stays unmarked, and the refusal is logged with a reason but not the hash', async () => {
    await fc.assert(
      fc.asyncProperty(unusableHash, async (makeHash) => {
        const passwordHash = makeHash(validHashes);
        fc.pre(!Object.values(validHashes).includes(passwordHash));
        const store = createInMemoryLegacyUserStore([
          { ...(await legacyUser({ email: EMAIL, password: PASSWORD })), passwordHash },
        ]);
        const handler = createUserMigrationHandler(testConfig(), { legacyUsers: store, now: () => new Date() });
        logs.lines.length = 0;

        await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);

        expect(store.users.get(EMAIL)?.migratedAt).toBeUndefined();
        const refusal = logs.entries().find((entry) => entry['message'] === 'Legacy password hash refused');
        if (refusal !== undefined) {
          expect(refusal).toMatchObject({ format: expect.any(String), reason: expect.stringMatching(/\S/) });
        } else {
          expect(logs.entries()).toContainEqual(
            expect.objectContaining({ message: 'Migration refused', reason: 'password' }),
          );
        }
        // A corrupt hash cut down to its format's prefix (e.g. `pbkdf2_sha256$`) may occur inside the fixed text of
        // the refusal's reason, which describes the expected form; anything longer must not reach a log.
        const describesForm = refusal !== undefined && String(refusal['reason']).includes(passwordHash);
        if (passwordHash.length >= 8 && !describesForm) expect(logs.lines.join('\n')).not.toContain(passwordHash);
      }),
      FUZZ_RUNS,
    );
  });
});
