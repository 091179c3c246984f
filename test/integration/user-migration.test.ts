import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbLegacyUserStore } from '@functions/user-migration/dynamodb-legacy-user-store';
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { legacyUserFromItem } from '@functions/user-migration/legacy-user-item';
import type { LegacyUser } from '@functions/user-migration/legacy-user-store';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { FIXTURE_LEGACY_USER, type LegacyUserSeed, seedLegacyUser } from '@test/helpers/legacy-users';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { testConfig } from '@test/unit/user-migration/support';

const { email: EMAIL, password: PASSWORD } = FIXTURE_LEGACY_USER;
const INCORRECT = 'Incorrect username or password.';

describe('userMigration on DynamoDB (dynalite)', () => {
  let dynamo: LocalDynamoDb;
  let tableCount = 0;
  const logs = captureStdoutLogsOfEachTest();

  beforeAll(async () => {
    dynamo = await startDynalite();
  });

  afterAll(async () => {
    await dynamo?.stop();
  });

  afterEach(() => {
    for (const line of logs.lines) {
      expect(line).not.toContain(PASSWORD);
      expect(line.toLowerCase()).not.toContain(EMAIL);
    }
  });

  /** A fresh table seeded with `seed` (none when null) and a handler reading it, with a clock one second per call. */
  async function setUp(seed: Partial<LegacyUserSeed> | null = {}) {
    const table = `legacy-users-${++tableCount}`;
    await dynamo.createTable('LegacyUsersTable', table);
    if (seed !== null) await seedLegacyUser(dynamo.client, table, { email: EMAIL, password: PASSWORD, ...seed });
    let seconds = 0;
    const handler = createUserMigrationHandler(testConfig({ LEGACY_USERS_TABLE: table }), {
      legacyUsers: createDynamoDbLegacyUserStore(async () => dynamo.client, table),
      now: () => new Date(Date.UTC(2026, 10, 26, 15, 30, seconds++)),
    });
    const read = async (): Promise<LegacyUser | undefined> => {
      const { Item } = await dynamo.client.send(
        new GetItemCommand({ TableName: table, Key: { username: { S: EMAIL } }, ConsistentRead: true }),
      );
      return Item && legacyUserFromItem(Item);
    };
    return { handler, read };
  }

  it('migrates the fixture user on first sign-in and marks the record', async () => {
    const { handler, read } = await setUp({ format: 'argon2', attributes: { name: 'Legacy User', locale: 'fr' } });

    const result = await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(result.response).toMatchObject({
      userAttributes: { name: 'Legacy User', locale: 'fr', email: EMAIL, email_verified: 'true' },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
    expect((await read())?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });

  it('answers the same event twice in a row, keeping the first migration time', async () => {
    const { handler, read } = await setUp();

    const first = await handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-1'));
    const second = await handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-2'));

    expect(second.response).toEqual(first.response);
    expect((await read())?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });

  it('answers the same event twice at once; the conditional write marks the record once', async () => {
    const { handler, read } = await setUp();

    const results = await Promise.all([
      handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-1')),
      handler(loadFixture('UserMigration_Authentication'), lambdaContext('attempt-2')),
    ]);

    expect(results.map((result) => result.response.finalUserStatus)).toEqual(['CONFIRMED', 'CONFIRMED']);
    const outcomes = logs
      .entries()
      .filter((entry) => entry.message === 'Legacy user migrated')
      .map((entry) => entry.outcome);
    expect(outcomes.sort()).toEqual(['already-migrated', 'marked']);
    expect((await read())?.migratedAt).toMatch(/^2026-11-26T15:30:0[01]\.000Z$/);
  });

  it('refuses a disabled account and leaves it unmarked', async () => {
    const { handler, read } = await setUp({ status: 'disabled' });

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);
    expect((await read())?.migratedAt).toBeUndefined();
  });

  it('refuses an unknown user with the same message', async () => {
    const { handler } = await setUp(null);

    await expect(handler(loadFixture('UserMigration_Authentication'), lambdaContext())).rejects.toThrow(INCORRECT);
  });

  it('refuses a wrong password with the same message', async () => {
    const { handler } = await setUp({ format: 'django-pbkdf2-sha256' });
    const event = loadFixture('UserMigration_Authentication');
    event.request.password = 'legacy-passw0rd!';

    await expect(handler(event, lambdaContext())).rejects.toThrow(INCORRECT);
  });

  it('migrates a user asking for a password reset, with the reset required', async () => {
    const { handler, read } = await setUp({ format: 'scrypt' });

    const result = await handler(loadFixture('UserMigration_ForgotPassword'), lambdaContext());

    expect(result.response).toMatchObject({
      userAttributes: { email: EMAIL, email_verified: 'true' },
      finalUserStatus: 'RESET_REQUIRED',
      messageAction: 'SUPPRESS',
    });
    expect((await read())?.migratedAt).toBe('2026-11-26T15:30:00.000Z');
  });
});
