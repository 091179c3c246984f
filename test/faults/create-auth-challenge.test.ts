/*
 * CreateAuthChallenge under DynamoDB, SES and Secrets Manager faults, row by row of the failure policy: the answer
 * Cognito gets and when, that nothing was sent, and that redeliveries once the dependency is back issue one code or
 * link and send exactly one email.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import { createDynamoDbSignInStore } from '@functions/create-auth-challenge/sign-in-store';
import { createTimedMailer } from '@functions/create-auth-challenge/timed-mailer';
import { type LocalSecretsManager, startLocalSecretsManager } from '@scripts/local-pool/secrets-manager';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { createSesMailer } from '@shared/mailer';
import { budgetedClients, switchableClient } from '@test/helpers/budgeted-clients';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';
import { FIXTURE_SIGNING_KEY_NAME } from '@test/helpers/signing-key';
import { testConfig } from '@test/unit/create-auth-challenge/support';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import {
  arrangeFault,
  clientFaults,
  expectOutcome,
  type FaultyEndpoints,
  failingClient,
  redeliver,
  SERVICE_ERRORS,
  startFaultyEndpoints,
} from './fault-injection';

let dynamo: LocalDynamoDb;
let ses: LocalSes;
let secrets: LocalSecretsManager;
let endpoints: FaultyEndpoints;
let healthy: { dynamoDb: DynamoDBClient; ses: SESClient; secretsManager: SecretsManagerClient };
let table: string;
let tables = 0;
const stdout = captureStdoutLogsOfEachTest();

const dynamoClient = switchableClient<DynamoDBClient>(undefined as never);
const sesClient = switchableClient<SESClient>(undefined as never);
const secretsClient = switchableClient<SecretsManagerClient>(undefined as never);

beforeAll(async () => {
  [dynamo, ses, secrets, endpoints] = await Promise.all([
    startDynalite(),
    startSesLocal(),
    startLocalSecretsManager({ [FIXTURE_SIGNING_KEY_NAME]: 'faults-only-magic-link-key-0123456789abcdef' }),
    startFaultyEndpoints(),
  ]);
  healthy = {
    dynamoDb: budgetedClients.dynamoDb(dynamo.endpoint),
    ses: budgetedClients.ses(ses.endpoint),
    secretsManager: budgetedClients.secretsManager(secrets.endpoint),
  };
});

afterAll(async () => {
  for (const client of Object.values(healthy ?? {})) client.destroy();
  await Promise.all([dynamo?.stop(), ses?.stop(), secrets?.stop(), endpoints?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `fault-sign-in-challenges-${tables}`;
  await Promise.all([dynamo.createTable('SignInChallengesTable', table), ses.clear()]);
  recover();
});

function recover(): void {
  dynamoClient.use(healthy.dynamoDb);
  sesClient.use(healthy.ses);
  secretsClient.use(healthy.secretsManager);
}

/** A fresh container: its key is read again. */
function invoke(event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> {
  const handler = createCreateAuthChallengeHandler(testConfig({ SIGN_IN_CHALLENGES_TABLE: table }), {
    signIns: createDynamoDbSignInStore(dynamoClient.get, table),
    mailer: createTimedMailer(createSesMailer(sesClient.get), sesClient.get),
    signingKey: createSecretsManagerSigningKey(secretsClient.get, FIXTURE_SIGNING_KEY_NAME),
    now: () => new Date(),
  });
  return handler(event, lambdaContext());
}

/** How each fault of each row is produced, and which state of the event it hits. */
const SCENARIOS: {
  [Id in RowIdOf<'CreateAuthChallenge'>]: {
    faults: Record<FaultOf<Id>, () => void>;
    state: 'email-code' | 'magic-link';
  };
} = {
  'create-auth-challenge-store': {
    state: 'email-code',
    faults: clientFaults(
      () => endpoints,
      dynamoClient,
      budgetedClients.dynamoDb,
      () => failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled),
    ),
  },
  'create-auth-challenge-ses': {
    state: 'email-code',
    faults: clientFaults(
      () => endpoints,
      sesClient,
      budgetedClients.ses,
      () => failingClient(new SESClient({}), SERVICE_ERRORS.sesThrottled),
    ),
  },
  'create-auth-challenge-key': {
    state: 'magic-link',
    faults: clientFaults(
      () => endpoints,
      secretsClient,
      budgetedClients.secretsManager,
      () => failingClient(new SecretsManagerClient({}), SERVICE_ERRORS.secretsManagerThrottled),
    ),
  },
};

describe.each(rowsOf('CreateAuthChallenge'))('CreateAuthChallenge when $dependency fails: $call', (row) => {
  const scenario = SCENARIOS[row.id];

  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline, nothing sent; redeliveries then send exactly one email`,
    async (fault) => {
      const event = loadFixture('CreateAuthChallenge_Authentication', scenario.state);
      arrangeFault(scenario.faults, fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      expect(await ses.emails()).toHaveLength(0);

      recover();
      const answers = await redeliver(invoke, event);
      expect(
        new Set(answers.map((answer) => JSON.stringify(answer.response.privateChallengeParameters['code'] ?? null)))
          .size,
      ).toBe(1);
      expect((await ses.emails()).map((email) => email.destination.to)).toEqual([['hiro.tanaka@example.com']]);
      expect(stdout.lines.join('\n')).not.toContain('hiro.tanaka@example.com');
    },
  );
});
