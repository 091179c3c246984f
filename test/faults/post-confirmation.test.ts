/*
 * PostConfirmation under dependency faults, row by row of the failure policy: the answer Cognito gets and when,
 * and that redeliveries of the same event, once the dependency is back, complete the work exactly once.
 */
import {
  AdminAddUserToGroupCommand,
  type AdminAddUserToGroupCommandInput,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createCognitoGroupMembership } from '@functions/post-confirmation/group-membership';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createDynamoDbProfileStore } from '@functions/post-confirmation/profile-store';
import { createSesMailer } from '@shared/mailer';
import { captureStdoutLogs } from '@test/helpers/log-capture';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { budgetedClients, switchableClient } from '../helpers/budgeted-clients';
import { loadFixture } from '../helpers/fixtures';
import { lambdaContext } from '../helpers/lambda-context';
import { type RestartableDynamoDb, startRestartableDynalite } from '../helpers/restartable-dynalite';
import { type LocalSes, startSesLocal } from '../helpers/ses-local';
import { testConfig } from '../unit/post-confirmation/support';
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

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const GROUP = 'users';

let dynamo: RestartableDynamoDb;
let ses: LocalSes;
let endpoints: FaultyEndpoints;
let healthy: { dynamoDb: DynamoDBClient; ses: SESClient; cognito: CognitoIdentityProviderClient };
/** Group memberships the mocked Cognito admin API holds, as `user/group`. */
const memberships = new Set<string>();
let table: string;
let tables = 0;
let stdout: ReturnType<typeof captureStdoutLogs>;

const profilesClient = switchableClient<DynamoDBClient>(undefined as never);
const sesClient = switchableClient<SESClient>(undefined as never);
const cognitoClient = switchableClient<CognitoIdentityProviderClient>(undefined as never);
/** The DynamoDB call of an invocation (1 for its first) before which dynalite stops; none when undefined. */
let stopBeforeCall: number | undefined;
let dynamoCalls = 0;

beforeAll(async () => {
  [dynamo, ses, endpoints] = await Promise.all([startRestartableDynalite(), startSesLocal(), startFaultyEndpoints()]);
  const cognito = new CognitoIdentityProviderClient({});
  mockClient(cognito)
    .on(AdminAddUserToGroupCommand)
    .callsFake((input: AdminAddUserToGroupCommandInput) => {
      memberships.add(`${input.Username}/${input.GroupName}`);
      return {};
    });
  healthy = { dynamoDb: budgetedClients.dynamoDb(dynamo.endpoint), ses: budgetedClients.ses(ses.endpoint), cognito };
});

afterAll(async () => {
  for (const client of Object.values(healthy ?? {})) client.destroy();
  await Promise.all([dynamo?.close(), ses?.stop(), endpoints?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `fault-profiles-${tables}`;
  await Promise.all([dynamo.createTable('UserProfilesTable', table), ses.clear()]);
  memberships.clear();
  recover();
  stdout = captureStdoutLogs();
});

afterEach(() => stdout.restore());

/** Every dependency healthy again. */
function recover(): void {
  profilesClient.use(healthy.dynamoDb);
  sesClient.use(healthy.ses);
  cognitoClient.use(healthy.cognito);
  stopBeforeCall = undefined;
}

function invoke(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  dynamoCalls = 0;
  const handler = createPostConfirmationHandler(testConfig({ USER_PROFILES_TABLE: table }), {
    profiles: createDynamoDbProfileStore(async () => {
      dynamoCalls += 1;
      if (dynamoCalls === stopBeforeCall) await dynamo.stop();
      return profilesClient.get();
    }, table),
    groups: createCognitoGroupMembership(cognitoClient.get),
    mailer: createSesMailer(sesClient.get),
    now: () => new Date('2026-11-26T10:15:00.000Z'),
  });
  return handler(event, lambdaContext());
}

async function profile(): Promise<Record<string, unknown> | undefined> {
  const { Item } = await dynamo.admin.send(
    new GetItemCommand({ TableName: table, Key: { sub: { S: SUB } }, ConsistentRead: true }),
  );
  return Item;
}

/** How each fault of each row is produced, and what must (not yet) have happened after the faulty invocation. */
const SCENARIOS: {
  [Id in RowIdOf<'PostConfirmation'>]: { faults: Record<FaultOf<Id>, () => void>; afterFault(): Promise<void> };
} = {
  'post-confirmation-profile': {
    faults: {
      hangs: () => profilesClient.use(budgetedClients.dynamoDb(endpoints.endpointFor('hangs'))),
      unreachable: () => profilesClient.use(budgetedClients.dynamoDb(endpoints.endpointFor('unreachable'))),
      throttled: () => profilesClient.use(failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled)),
    },
    afterFault: async () => {
      expect(await profile()).toBeUndefined();
      expect(await ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-email-claim': {
    faults: {
      'stops mid-run': () => {
        stopBeforeCall = 2;
      },
    },
    afterFault: async () => {
      await dynamo.start();
      expect(await profile()).toMatchObject({ welcomeEmailDueFor: expect.anything() });
      expect(await ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-ses': {
    faults: {
      hangs: () => sesClient.use(budgetedClients.ses(endpoints.endpointFor('hangs'))),
      unreachable: () => sesClient.use(budgetedClients.ses(endpoints.endpointFor('unreachable'))),
      throttled: () => sesClient.use(failingClient(new SESClient({}), SERVICE_ERRORS.sesThrottled)),
    },
    afterFault: async () => {
      expect(await profile()).not.toHaveProperty('welcomeEmailSentAt');
      expect(await profile()).not.toHaveProperty('welcomeEmailClaimId');
      expect(await ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-groups': {
    faults: {
      hangs: () => cognitoClient.use(budgetedClients.cognito(endpoints.endpointFor('hangs'))),
      throttled: () =>
        cognitoClient.use(failingClient(new CognitoIdentityProviderClient({}), SERVICE_ERRORS.cognitoThrottled)),
      fails: () => cognitoClient.use(failingClient(new CognitoIdentityProviderClient({}), SERVICE_ERRORS.cognitoFails)),
    },
    afterFault: async () => {
      expect(memberships.size).toBe(0);
      expect(await ses.emails()).toHaveLength(1);
    },
  },
};

describe.each(rowsOf('PostConfirmation'))('PostConfirmation when $dependency fails: $call', (row) => {
  const scenario = SCENARIOS[row.id];

  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline; redeliveries then do the work exactly once`,
    async (fault) => {
      const event = loadFixture('PostConfirmation_ConfirmSignUp');
      arrangeFault(scenario.faults, fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      await scenario.afterFault();

      recover();
      await redeliver(invoke, event);
      expect(await profile()).toMatchObject({ sub: { S: SUB }, welcomeEmailSentAt: expect.anything() });
      expect((await ses.emails()).map((email) => email.destination.to)).toEqual([['jonas.lindqvist@example.com']]);
      expect([...memberships]).toEqual([`${SUB}/${GROUP}`]);
      expect(stdout.lines.join('\n')).not.toContain('jonas.lindqvist@example.com');
    },
  );
});
