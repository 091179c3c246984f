/*
 * CreateAuthChallenge under DynamoDB, SES and Secrets Manager faults, row by row of the failure policy: the answer
 * Cognito gets and when, what was sent by then, and that redeliveries once the dependency is back issue one code or
 * link and send exactly one email in all.
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

/**
 * DynamoDB that answers the invocation's first `calls` calls and is unreachable from then on: it stops mid-run.
 */
function dynamoDbStoppingAfter(calls: number): DynamoDBClient {
  const down = budgetedClients.dynamoDb(endpoints.endpointFor('unreachable'));
  let made = 0;
  return new Proxy(healthy.dynamoDb, {
    get(client, property) {
      if (property !== 'send') return Reflect.get(client, property);
      made += 1;
      const answering = made <= calls ? client : down;
      return answering.send.bind(answering);
    },
  });
}

/**
 * How each fault of each row is produced, which state of the event it hits, and how many emails went out by the
 * time Cognito got its answer.
 */
const SCENARIOS: {
  [Id in RowIdOf<'CreateAuthChallenge'>]: {
    faults: Record<FaultOf<Id>, () => void>;
    state: 'email-code' | 'magic-link';
    sentDuringFault: 0 | 1;
  };
} = {
  'create-auth-challenge-store': {
    state: 'email-code',
    sentDuringFault: 0,
    faults: clientFaults(
      () => endpoints,
      dynamoClient,
      budgetedClients.dynamoDb,
      () => failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled),
    ),
  },
  'create-auth-challenge-ses': {
    state: 'email-code',
    sentDuringFault: 0,
    faults: clientFaults(
      () => endpoints,
      sesClient,
      budgetedClients.ses,
      () => failingClient(new SESClient({}), SERVICE_ERRORS.sesThrottled),
    ),
  },
  'create-auth-challenge-sent-record': {
    state: 'email-code',
    sentDuringFault: 1,
    // Read the record, issue the code, claim its email; then record that SES accepted it.
    faults: { 'stops mid-run': () => dynamoClient.use(dynamoDbStoppingAfter(3)) },
  },
  'create-auth-challenge-key': {
    state: 'magic-link',
    sentDuringFault: 0,
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
    `%s: ${row.outcome} before the deadline, ${scenario.sentDuringFault} sent; redeliveries then make it exactly one email`,
    async (fault) => {
      const event = loadFixture('CreateAuthChallenge_Authentication', scenario.state);
      arrangeFault(scenario.faults, fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      expect(await ses.emails()).toHaveLength(scenario.sentDuringFault);

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
