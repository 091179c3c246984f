/*
 * UserMigration under DynamoDB faults, row by row of the failure policy: the answer Cognito gets and when, and
 * that redeliveries of the same sign-in, once DynamoDB is back, migrate the user and mark the record exactly once.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbLegacyUserStore } from '@functions/user-migration/dynamodb-legacy-user-store';
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { legacyUserFromItem } from '@functions/user-migration/legacy-user-item';
import { budgetedClients, switchableClient } from '@test/helpers/budgeted-clients';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { FIXTURE_LEGACY_USER, seedLegacyUser } from '@test/helpers/legacy-users';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type RestartableDynamoDb, startRestartableDynalite } from '@test/helpers/restartable-dynalite';
import { testConfig } from '@test/unit/user-migration/support';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import {
  arrangeFault,
  expectOutcome,
  type FaultyEndpoints,
  failingClient,
  redeliver,
  SERVICE_ERRORS,
  startFaultyEndpoints,
} from './fault-injection';

const { email: EMAIL, password: PASSWORD } = FIXTURE_LEGACY_USER;

let dynamo: RestartableDynamoDb;
let endpoints: FaultyEndpoints;
let healthy: DynamoDBClient;
let table: string;
let tables = 0;
const logs = captureStdoutLogsOfEachTest();
/** The times the handler's clock gave, in order: the migration times it offered the store. */
let ticks: Date[];

const legacyClient = switchableClient<DynamoDBClient>(undefined as never);
/** The DynamoDB call of an invocation (1 for its first) before which dynalite stops; none when undefined. */
let stopBeforeCall: number | undefined;
let dynamoCalls = 0;

beforeAll(async () => {
  [dynamo, endpoints] = await Promise.all([startRestartableDynalite(), startFaultyEndpoints()]);
  healthy = budgetedClients.dynamoDb(dynamo.endpoint);
});

afterAll(async () => {
  healthy?.destroy();
  await Promise.all([dynamo?.close(), endpoints?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `fault-legacy-users-${tables}`;
  await dynamo.createTable('LegacyUsersTable', table);
  await seedLegacyUser(dynamo.admin, table, { email: EMAIL, password: PASSWORD });
  ticks = [];
  recover();
});

afterEach(() => {
  expect(logs.lines.join('\n')).not.toContain(PASSWORD);
});

function recover(): void {
  legacyClient.use(healthy);
  stopBeforeCall = undefined;
}

function invoke(event: UserMigrationTriggerEvent): Promise<UserMigrationTriggerEvent> {
  dynamoCalls = 0;
  const legacyUsers = createDynamoDbLegacyUserStore(async () => {
    dynamoCalls += 1;
    if (dynamoCalls === stopBeforeCall) await dynamo.stop();
    return legacyClient.get();
  }, table);
  const now = () => {
    ticks.push(new Date(Date.UTC(2026, 10, 26, 15, 30, ticks.length)));
    return ticks[ticks.length - 1] ?? new Date(0);
  };
  return createUserMigrationHandler(testConfig({ LEGACY_USERS_TABLE: table }), { legacyUsers, now })(
    event,
    lambdaContext(),
  );
}

async function migratedAt(): Promise<string | undefined> {
  const { Item } = await dynamo.admin.send(
    new GetItemCommand({ TableName: table, Key: { username: { S: EMAIL } }, ConsistentRead: true }),
  );
  return Item && legacyUserFromItem(Item).migratedAt;
}

const SCENARIOS: { [Id in RowIdOf<'UserMigration'>]: Record<FaultOf<Id>, () => void> } = {
  'user-migration-find': {
    hangs: () => legacyClient.use(budgetedClients.dynamoDb(endpoints.endpointFor('hangs'))),
    unreachable: () => legacyClient.use(budgetedClients.dynamoDb(endpoints.endpointFor('unreachable'))),
    throttled: () => legacyClient.use(failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled)),
  },
  'user-migration-mark': {
    'stops mid-run': () => {
      stopBeforeCall = 2;
    },
  },
};

describe.each(rowsOf('UserMigration'))('UserMigration when $dependency fails: $call', (row) => {
  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline; redeliveries then migrate exactly once`,
    async (fault) => {
      const event = loadFixture('UserMigration_Authentication');
      arrangeFault(SCENARIOS[row.id], fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      await dynamo.start();
      expect(await migratedAt()).toBeUndefined();

      recover();
      const firstRedeliveryTick = ticks.length;
      const answers = await redeliver(invoke, event);
      expect(answers.map((answer) => answer.response)).toEqual(
        Array(6).fill(expect.objectContaining({ finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' })),
      );
      expect(await migratedAt()).toBe(ticks[firstRedeliveryTick]?.toISOString());
    },
  );
});
