import { createUserMigrationHandler } from '@functions/user-migration/handler';
import type { LegacyUser } from '@functions/user-migration/legacy-user-store';
import { HASH_FORMAT_NAMES } from '@functions/user-migration/password/hash-format';
import { DependencyError, GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { FIXTURE_LEGACY_USER, type LegacyUserSeed, legacyUser } from '@test/helpers/legacy-users';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { createInMemoryLegacyUserStore, type InMemoryLegacyUserStore, testConfig } from './support';

const { email: EMAIL, password: PASSWORD } = FIXTURE_LEGACY_USER;
const INCORRECT = 'Incorrect username or password.';

/** A clock that advances one second per reading, from 2026-11-26T15:30:00Z. */
function steppingClock(): () => Date {
  let seconds = 0;
  return () => new Date(Date.UTC(2026, 10, 26, 15, 30, seconds++));
}

async function setUp(seed: Partial<LegacyUserSeed> | null = {}, env = {}) {
  const users = seed === null ? [] : [await legacyUser({ email: EMAIL, password: PASSWORD, ...seed })];
  secrets.push(...users.map((user) => user.passwordHash));
  const store = createInMemoryLegacyUserStore(users);
  const handler = createUserMigrationHandler(testConfig(env), { legacyUsers: store, now: steppingClock() });
  return { store, handler };
}

function stored(store: InMemoryLegacyUserStore): LegacyUser | undefined {
  return store.users.get(EMAIL);
}

const logs = captureStdoutLogsOfEachTest();
let secrets: string[];

beforeEach(() => {
  secrets = [PASSWORD, EMAIL];
});

afterEach(() => {
  // Every path logs; none of it may carry the password, a stored hash or a full email address.
  expect(logs.lines.length).toBeGreaterThan(0);
  for (const line of logs.lines) {
    for (const secret of secrets) expect(line.toLowerCase()).not.toContain(secret.toLowerCase());
  }
});

/** Makes the next read of `store` fail as a throttled DynamoDB does. */
function failTheNextRead(store: InMemoryLegacyUserStore): void {
  const outage = new DependencyError('Reading the legacy user store failed.', {
    cause: new Error('throttled'),
    dependency: 'DynamoDB',
  });
  jest.spyOn(store, 'find').mockRejectedValueOnce(outage);
}

describe('userMigration handler — UserMigration_Authentication', () => {
  it('returns the legacy user, confirmed and verified, without a welcome message, and marks it migrated', async () => {
    const { handler, store } = await setUp({
      attributes: { name: 'Legacy User', locale: 'de', 'custom:tenant': 'acme' },
    });
    const event = loadFixture('UserMigration_Authentication');

    const result = await handler(event, lambdaContext());

    expect(result.response).toEqual({
      ...event.response,
      userAttributes: {
        name: 'Legacy User',
        locale: 'de',
        'custom:tenant': 'acme',
        email: EMAIL,
        email_verified: 'true',
      },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
    expect(stored(store)?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });

  it.each(HASH_FORMAT_NAMES)('signs in a user whose legacy hash is %s', async (format) => {
    const { handler } = await setUp({ format });

    const result = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(result.response.finalUserStatus).toBe('CONFIRMED');
  });

  it('finds the account whatever the case of the sign-in name', async () => {
    const { handler } = await setUp();
    const event = loadFixture('UserMigration_Authentication');
    event.userName = 'Legacy.User@EXAMPLE.com';

    const result = await handler(event, lambdaContext());

    expect(result.response.userAttributes.email).toBe(EMAIL);
  });

  it('refuses a wrong password with the generic credentials message and leaves the record unmarked', async () => {
    const { handler, store } = await setUp();
    const event = loadFixture('UserMigration_Authentication');
    event.request.password = 'Legacy-Passw0rd?';
    secrets.push(event.request.password);

    await expect(handler(event, lambdaContext())).rejects.toThrow(INCORRECT);
    expect(stored(store)?.migratedAt).toBeUndefined();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'Migration refused', reason: 'password' }),
    );
  });

  it('refuses an unknown user with the same message, after checking the password against the dummy hash', async () => {
    const dummyScrypt = '$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AZBoqv+GJCPDO2tDBfTuBU2KGR13A0nSMcV1sU5DlVs';
    const { handler } = await setUp(null, { LEGACY_DUMMY_HASH: dummyScrypt });

    // The dummy hash matches this password; an unknown user must still be refused.
    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);
    expect(logs.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'Checked password against the dummy hash', format: 'scrypt' }),
        expect.objectContaining({ message: 'Migration refused', reason: 'unknown-user' }),
      ]),
    );
  });

  it('refuses a disabled account with the same message even when the password is right', async () => {
    const { handler, store } = await setUp({ status: 'disabled' });

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);
    expect(stored(store)?.migratedAt).toBeUndefined();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'Migration refused', reason: 'disabled' }),
    );
  });

  it('still signs in an account already marked migrated, keeping the first migration time', async () => {
    const { handler, store } = await setUp({ migratedAt: '2026-01-01T00:00:00.000Z' });

    const result = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(result.response.finalUserStatus).toBe('CONFIRMED');
    expect(stored(store)?.migratedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses a stored hash it cannot use, logging format and reason but not the hash, then checks the dummy hash', async () => {
    const { handler, store } = await setUp();
    const corrupt =
      '$argon2id$v=19$m=1048576,t=1,p=1$YXJnb24yLXNhbHQtMDEyMw$JFOjEgMhCVUmZ/Gk3ljZMcqIR2XbmD5hplBDi3nFTog';
    store.users.set(EMAIL, { ...(stored(store) as LegacyUser), passwordHash: corrupt });
    secrets.push(corrupt, 'JFOjEgMhCVUmZ');

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);
    expect(logs.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warn',
          message: 'Legacy password hash refused',
          format: 'argon2',
          reason: 'parameter m must be from 8 to 262144, got 1048576',
        }),
        expect.objectContaining({ message: 'Checked password against the dummy hash', format: 'bcrypt' }),
      ]),
    );
  });

  it('answers an event without a password with a clear error', async () => {
    const { handler } = await setUp();
    const event = loadFixture('UserMigration_Authentication');
    delete (event.request as { password?: string }).password;

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      'Invalid UserMigration event: request.password must be a string.',
    );
  });

  it('fails with the generic message when the record is unusable', async () => {
    const { handler, store } = await setUp({ attributes: { email: 'not an address' } });

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );
    expect(stored(store)?.migratedAt).toBeUndefined();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'error', error: expect.objectContaining({ name: 'LegacyRecordError' }) }),
    );
  });

  it('fails with the generic message when the store is down, and succeeds when Cognito retries', async () => {
    const { handler, store } = await setUp();
    failTheNextRead(store);

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );
    const retried = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(retried.response.finalUserStatus).toBe('CONFIRMED');
  });

  it('answers the same event twice in a row the same way and keeps the first migration time', async () => {
    const { handler, store } = await setUp();

    const first = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());
    const second = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(second.response).toEqual(first.response);
    expect(stored(store)?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });

  it('answers the same event twice at once the same way and marks the record once', async () => {
    const { handler, store } = await setUp();

    const [first, second] = await Promise.all([
      handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-1')),
      handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-2')),
    ]);

    expect(second.response).toEqual(first.response);
    expect(
      logs
        .entries()
        .filter((entry) => entry.message === 'Legacy user migrated')
        .map((entry) => entry.outcome)
        .sort(),
    ).toEqual(['already-migrated', 'marked']);
    expect(stored(store)?.migratedAt).toMatch(/^2026-11-26T15:30:0[01]\.000Z$/);
  });
});

describe('userMigration handler — UserMigration_ForgotPassword', () => {
  it('returns the legacy user with a verified email, reset required, without a welcome message', async () => {
    const { handler, store } = await setUp();
    const event: UserMigrationTriggerEvent = loadFixture('UserMigration_ForgotPassword');

    const result = await handler(event, lambdaContext());

    expect(result.response).toEqual({
      ...event.response,
      userAttributes: { name: 'Legacy User', email: EMAIL, email_verified: 'true' },
      finalUserStatus: 'RESET_REQUIRED',
      messageAction: 'SUPPRESS',
    });
    expect(stored(store)?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });

  it.each([
    ['an unknown user', null],
    ['a disabled account', { status: 'disabled' as const }],
  ])('refuses %s with the generic credentials message', async (_what, seed) => {
    const { handler } = await setUp(seed);

    await expect(handler(loadFixture('UserMigration_ForgotPassword'), lambdaContext())).rejects.toThrow(INCORRECT);
  });
});

describe('the userMigration handler’s metrics', () => {
  const outcomeLine = () => logs.entries().at(-1);

  it('counts a migrated user', async () => {
    const { handler } = await setUp();

    await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(outcomeLine()).toMatchObject({ Accepted: 1, UsersMigrated: 1 });
  });

  it('counts a refused migration, refused by the password check', async () => {
    const { handler } = await setUp({ password: 'Another-Passw0rd!' });

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);

    expect(outcomeLine()).toMatchObject({ Refused: 1, Rule: 'verify-legacy-password', MigrationsRefused: 1 });
    expect(outcomeLine()).not.toHaveProperty('UsersMigrated');
  });

  it('counts a migration the store let down, as a failure of DynamoDB', async () => {
    const { handler, store } = await setUp();
    failTheNextRead(store);

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );

    expect(outcomeLine()).toMatchObject({ Failed: 1, Dependency: 'DynamoDB', MigrationStoreDown: 1 });
  });
});
