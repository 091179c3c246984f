import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { FUNCTIONS } from '@functions/registry';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { FIXTURE_SOURCES, type TriggerSource } from '@test/helpers/fixtures';
import { FIXTURE_LEGACY_USER, seedLegacyUser } from '@test/helpers/legacy-users';
import { serverless } from '@test/helpers/serverless-cli';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';

/**
 * `serverless invoke local` on every recorded event (and the scheduled one of emailOutbox), through the real CLI and
 * the esbuild bundles a deploy ships.
 * DynamoDB and SES are the emulators; the Cognito admin API is a closed port on 127.0.0.1, so the federated
 * sign-up shows its documented outcome when Cognito cannot be reached.
 */
const STAGE = 'invoke';
const CLOSED_PORT_URL = 'http://127.0.0.1:9';
const GENERIC_FAILURE = 'We could not complete your request. Please try again later.';
const SCHEDULED_FIXTURE = join('test', 'fixtures', 'scheduled', 'email-outbox.json');

/** The registered function that handles `source`. */
function functionFor(source: TriggerSource): string {
  return FUNCTIONS.find(({ trigger }) => (trigger.sources as readonly string[]).includes(source))?.name ?? '';
}

/** What each function's answer must carry, beyond echoing the event, to show its flow ran in the bundle. */
const EXPECTED_RESPONSE: Partial<Record<TriggerSource, object>> = {
  CustomMessage_SignUp: {
    emailSubject: expect.stringContaining('Cognito Flows'),
    emailMessage: expect.stringContaining('{####}'),
  },
  CustomMessage_AdminCreateUser: {
    emailMessage: expect.stringContaining('{username}'),
    smsMessage: expect.stringContaining('{####}'),
  },
  UserMigration_Authentication: {
    finalUserStatus: 'CONFIRMED',
    messageAction: 'SUPPRESS',
    userAttributes: expect.objectContaining({ email: FIXTURE_LEGACY_USER.email, email_verified: 'true' }),
  },
  UserMigration_ForgotPassword: { finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS' },
};

/** The arguments of `serverless invoke local` of `functionName` on the event in the file `path`, on the test stage. */
function invokeLocal(functionName: string, path: string): string[] {
  return ['invoke', 'local', '--stage', STAGE, '-f', functionName, '--path', path];
}

/** The pretty-printed JSON document the CLI writes after the log lines: the returned event or the error. */
function lastJsonDocument(stdout: string): Record<string, unknown> {
  const start = stdout.lastIndexOf('\n{\n');
  return JSON.parse(stdout.slice(start === -1 ? stdout.indexOf('{\n') : start + 1)) as Record<string, unknown>;
}

describe('serverless invoke local', () => {
  let dynamo: LocalDynamoDb;
  let ses: LocalSes;
  let env: string[];

  beforeAll(async () => {
    [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
    await dynamo.createTable('LegacyUsersTable', `cognito-flows-${STAGE}-legacy-users`);
    await dynamo.createTable('UserProfilesTable', `cognito-flows-${STAGE}-user-profiles`);
    await seedLegacyUser(dynamo.client, `cognito-flows-${STAGE}-legacy-users`, FIXTURE_LEGACY_USER);
    env = Object.entries({
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: CLOSED_PORT_URL,
    }).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    // postConfirmation sends email only with a sender configured.
    env.push('--param=emailFrom=no-reply@example.com');
  });

  afterAll(async () => {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
  });

  // One after the other: every invocation builds into the stage's .esbuild folder.
  it.each(FIXTURE_SOURCES.filter((source) => source !== 'PreSignUp_ExternalProvider'))(
    'answers %s with the event',
    async (source) => {
      const args = invokeLocal(functionFor(source), join('test', 'fixtures', `${source}.json`));

      const { stdout } = await serverless([...args, ...env]);

      expect(lastJsonDocument(stdout)).toMatchObject({
        triggerSource: source,
        response: EXPECTED_RESPONSE[source] ?? expect.any(Object),
      });
    },
    60_000,
  );

  it('sent the welcome email and the password-changed notice of the confirmations through SES', async () => {
    expect((await ses.emails()).map((email) => email.subject)).toEqual([
      expect.stringMatching(/welcome/i),
      expect.stringMatching(/password was changed/i),
    ]);
  });

  it('runs emailOutbox on its scheduled event: the due email of the outbox is sent, once', async () => {
    const due = new Date(Date.now() - 60_000).toISOString();
    await dynamo.client.send(
      new PutItemCommand({
        TableName: `cognito-flows-${STAGE}-user-profiles`,
        Item: {
          sub: { S: 'outbox-user' },
          email: { S: 'outbox.user@example.com' },
          name: { S: 'Outbox User' },
          welcomeEmailDueFor: { S: due },
          outbox: { S: 'due' },
          outboxAt: { S: due },
        },
      }),
    );
    await ses.clear();
    const args = invokeLocal('emailOutbox', SCHEDULED_FIXTURE);

    const first = lastJsonDocument((await serverless([...args, ...env])).stdout);
    const second = lastJsonDocument((await serverless([...args, ...env])).stdout);

    expect(first).toMatchObject({ profiles: 1, sent: 1, parked: 0 });
    expect(second).toMatchObject({ profiles: 0, sent: 0 });
    expect((await ses.emails()).map((email) => email.destination.to)).toEqual([['outbox.user@example.com']]);
  }, 120_000);

  it('answers a federated sign-up with the generic failure when the Cognito API is unreachable', async () => {
    const args = invokeLocal('preSignUp', join('test', 'fixtures', 'PreSignUp_ExternalProvider.json'));

    const failure = await serverless([...args, ...env]).then(
      () => undefined,
      (error: { stdout: string }) => lastJsonDocument(error.stdout),
    );

    expect(failure).toMatchObject({ errorMessage: GENERIC_FAILURE });
  }, 60_000);

  it('answers an event of another trigger with an error naming it', async () => {
    const args = invokeLocal('customMessage', join('test', 'fixtures', 'PreSignUp_SignUp.json'));

    const failure = await serverless(args).then(
      () => undefined,
      (error: { stdout: string }) => lastJsonDocument(error.stdout),
    );

    expect(failure).toMatchObject({
      errorType: 'InvalidEventError',
      errorMessage: expect.stringContaining('got triggerSource "PreSignUp_SignUp"'),
    });
  }, 60_000);
});
