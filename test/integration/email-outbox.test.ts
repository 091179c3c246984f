/*
 * The outbox end to end over real emulators (dynalite, aws-ses-v2-local): a welcome email the trigger could not
 * send is sent by the scheduled sweep exactly once, with no Cognito redelivery; one that keeps failing is parked,
 * and the sweep's EmailsParked metric counts it. Only the Cognito admin API is mocked (no emulator in this suite;
 * test/e2e covers it on the local pool).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createEmailOutboxHandler } from '@functions/email-outbox/handler';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createLogger } from '@shared/logger';
import { createCognitoGroupMembership } from '@shared/onboarding/group-membership';
import { createSesMailer } from '@shared/onboarding/mailer';
import { createCognitoOnboardedMarker } from '@shared/onboarding/onboarded-marker';
import { createDynamoDbProfileStore, OUTBOX_INDEX } from '@shared/onboarding/profile-store';
import { captureLogs, captureStdoutLogs } from '@test/helpers/log-capture';
import type { ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { type LocalDynamoDb, startDynalite } from '../helpers/dynalite';
import { loadFixture } from '../helpers/fixtures';
import { lambdaContext } from '../helpers/lambda-context';
import { type LocalSes, startSesLocal } from '../helpers/ses-local';
import { testConfig as outboxConfig } from '../unit/email-outbox/support';
import { testConfig as postConfirmationConfig } from '../unit/post-confirmation/support';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const T0 = new Date('2026-11-26T10:15:00.000Z');
const SCHEDULED = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: T0.toISOString() } as ScheduledEvent;

let dynamo: LocalDynamoDb;
let ses: LocalSes;
let reachableSes: SESClient;
let unreachableSes: SESClient;
const cognitoClient = new CognitoIdentityProviderClient({ region: 'us-east-1' });
const cognito = mockClient(cognitoClient);
let table: string;
let tables = 0;
let clock: Date;
let stdout: ReturnType<typeof captureStdoutLogs>;

/** An endpoint that refuses connections: a port that was just free. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  const options = {
    region: 'us-east-1',
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  };
  reachableSes = new SESClient({ ...options, endpoint: ses.endpoint });
  unreachableSes = new SESClient({ ...options, endpoint: await closedEndpoint() });
});

afterAll(async () => {
  reachableSes?.destroy();
  unreachableSes?.destroy();
  cognitoClient.destroy();
  await Promise.all([dynamo?.stop(), ses?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `outbox-profiles-${tables}`;
  clock = T0;
  await Promise.all([dynamo.createTable('UserProfilesTable', table), ses.clear()]);
  cognito.reset();
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
  stdout = captureStdoutLogs();
});

afterEach(() => stdout.restore());

const profiles = () => createDynamoDbProfileStore(async () => dynamo.client, table);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Confirms the fixture's sign-up once, the trigger's SES being `sesClient`. */
async function confirm(sesClient: SESClient): Promise<void> {
  const handler = createPostConfirmationHandler(
    postConfirmationConfig({ USER_PROFILES_TABLE: table, EMAIL_MAX_ATTEMPTS: '3' }),
    {
      profiles: profiles(),
      groups: createCognitoGroupMembership(async () => cognitoClient),
      marker: createCognitoOnboardedMarker(async () => cognitoClient),
      mailer: createSesMailer(async () => sesClient),
      now: () => clock,
    },
  );
  await handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext());
}

/** One scheduled run of the outbox at `clock`, SES being `sesClient`; returns its report and log lines. */
async function sweep(sesClient: SESClient = reachableSes) {
  const logs = captureLogs();
  const handler = createEmailOutboxHandler(
    outboxConfig({ USER_PROFILES_TABLE: table }),
    { profiles: profiles(), mailer: createSesMailer(async () => sesClient), now: () => clock },
    createLogger({ level: 'info', sink: logs.sink }),
  );
  const report = await handler(SCHEDULED, lambdaContext(undefined, 60_000));
  return { report, metrics: logs.entries().find((entry) => entry['message'] === 'Outbox swept') };
}

async function profile(): Promise<Record<string, string>> {
  const { Item } = await dynamo.client.send(
    new GetItemCommand({ TableName: table, Key: { sub: { S: SUB } }, ConsistentRead: true }),
  );
  return Object.fromEntries(Object.entries(Item ?? {}).map(([key, value]) => [key, value.S ?? value.N ?? '']));
}

async function outbox(state: 'due' | 'parked'): Promise<string[]> {
  const { Items = [] } = await dynamo.client.send(
    new QueryCommand({
      TableName: table,
      IndexName: OUTBOX_INDEX,
      KeyConditionExpression: '#outbox = :state',
      ExpressionAttributeNames: { '#outbox': 'outbox' },
      ExpressionAttributeValues: { ':state': { S: state } },
    }),
  );
  return Items.map((item) => item['sub']?.S ?? '');
}

describe('the outbox', () => {
  it('sends the welcome email SES could not take while the user confirmed, exactly once, with no event redelivered', async () => {
    await confirm(unreachableSes);
    expect(await ses.emails()).toHaveLength(0);
    expect(await profile()).toMatchObject({ welcomeEmailAttempts: '1', welcomeEmailLastError: expect.any(String) });
    expect(await outbox('due')).toEqual([SUB]);

    clock = at(30);
    expect((await sweep()).report).toMatchObject({ profiles: 0, sent: 0 });

    clock = at(65);
    expect((await sweep()).report).toMatchObject({ profiles: 1, sent: 1 });
    const [email] = await ses.emails();
    expect(email).toMatchObject({
      destination: { to: ['jonas.lindqvist@example.com'] },
      subject: 'Welcome to Example App',
    });

    clock = at(200);
    for (let run = 0; run < 3; run += 1) await sweep();
    await Promise.all([sweep(), sweep(), sweep()]);
    expect(await ses.emails()).toHaveLength(1);
    expect(await profile()).toMatchObject({ welcomeEmailSentFor: T0.toISOString() });
    expect(await outbox('due')).toEqual([]);
    expect(stdout.lines.join('\n')).not.toContain('jonas.lindqvist@example.com');
  });

  it('sends a due email once when three sweeps run at once', async () => {
    await confirm(unreachableSes);
    clock = at(65);

    const reports = await Promise.all([sweep(), sweep(), sweep()]);

    expect(reports.map(({ report }) => report.sent).reduce((sum, sent) => sum + sent, 0)).toBe(1);
    expect(await ses.emails()).toHaveLength(1);
  });

  it('parks an email SES keeps refusing after its last attempt, counts it in EmailsParked, and tries it no more', async () => {
    await confirm(unreachableSes);

    clock = at(65);
    const second = await sweep(unreachableSes);
    expect(second.report).toMatchObject({ retrying: 1, parked: 0 });
    expect(second.metrics).toMatchObject({ EmailsParked: 0, EmailsRetrying: 1 });

    clock = at(65 + 125);
    const third = await sweep(unreachableSes);
    expect(third.report).toMatchObject({ retrying: 0, parked: 1 });
    expect(third.metrics).toMatchObject({ Service: 'cognito-flows-test', EmailsParked: 1 });

    expect(await outbox('parked')).toEqual([SUB]);
    expect(await outbox('due')).toEqual([]);
    expect(await profile()).toMatchObject({ welcomeEmailAttempts: '3', welcomeEmailParkedFor: T0.toISOString() });

    clock = at(36_000);
    expect((await sweep()).report).toMatchObject({ profiles: 0 });
    expect(await ses.emails()).toHaveLength(0);
  });
});
