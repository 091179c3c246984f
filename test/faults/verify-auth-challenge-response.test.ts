/*
 * VerifyAuthChallengeResponse under Secrets Manager and DynamoDB faults (a magic link's key and its single use),
 * row by row of the failure policy: the answer Cognito gets and when, that the link stays usable, and that
 * redeliveries once the dependency is back sign in with it exactly once. Codes call nothing and are not affected.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import { createDynamoDbUsedLinks } from '@functions/verify-auth-challenge-response/used-links';
import { type LocalSecretsManager, startLocalSecretsManager } from '@scripts/local-pool/secrets-manager';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { budgetedClients, switchableClient } from '@test/helpers/budgeted-clients';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { FIXTURE_SIGNING_KEY, FIXTURE_SIGNING_KEY_NAME } from '@test/helpers/signing-key';
import { testConfig } from '@test/unit/verify-auth-challenge-response/support';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
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
let secrets: LocalSecretsManager;
let endpoints: FaultyEndpoints;
let healthy: { dynamoDb: DynamoDBClient; secretsManager: SecretsManagerClient };
let table: string;
let tables = 0;
captureStdoutLogsOfEachTest();

const dynamoClient = switchableClient<DynamoDBClient>(undefined as never);
const secretsClient = switchableClient<SecretsManagerClient>(undefined as never);

beforeAll(async () => {
  [dynamo, secrets, endpoints] = await Promise.all([
    startDynalite(),
    startLocalSecretsManager({ [FIXTURE_SIGNING_KEY_NAME]: FIXTURE_SIGNING_KEY.toString('utf8') }),
    startFaultyEndpoints(),
  ]);
  healthy = {
    dynamoDb: budgetedClients.dynamoDb(dynamo.endpoint),
    secretsManager: budgetedClients.secretsManager(secrets.endpoint),
  };
});

afterAll(async () => {
  for (const client of Object.values(healthy ?? {})) client.destroy();
  await Promise.all([dynamo?.stop(), secrets?.stop(), endpoints?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `fault-used-links-${tables}`;
  await dynamo.createTable('SignInChallengesTable', table);
  recover();
});

function recover(): void {
  dynamoClient.use(healthy.dynamoDb);
  secretsClient.use(healthy.secretsManager);
}

function invoke(event: VerifyAuthChallengeResponseTriggerEvent): Promise<VerifyAuthChallengeResponseTriggerEvent> {
  const handler = createVerifyAuthChallengeResponseHandler(testConfig({ SIGN_IN_CHALLENGES_TABLE: table }), {
    usedLinks: createDynamoDbUsedLinks(dynamoClient.get, table),
    signingKey: createSecretsManagerSigningKey(secretsClient.get, FIXTURE_SIGNING_KEY_NAME),
    now: () => new Date('2026-11-26T10:15:00.000Z'),
  });
  return handler(event, lambdaContext());
}

const SCENARIOS: { [Id in RowIdOf<'VerifyAuthChallengeResponse'>]: Record<FaultOf<Id>, () => void> } = {
  'verify-auth-challenge-response-key': clientFaults(
    () => endpoints,
    secretsClient,
    budgetedClients.secretsManager,
    () => failingClient(new SecretsManagerClient({}), SERVICE_ERRORS.secretsManagerThrottled),
  ),
  'verify-auth-challenge-response-used-links': clientFaults(
    () => endpoints,
    dynamoClient,
    budgetedClients.dynamoDb,
    () => failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled),
  ),
};

describe.each(rowsOf('VerifyAuthChallengeResponse'))(
  'VerifyAuthChallengeResponse when $dependency fails: $call',
  (row) => {
    it.each([...row.faults])(
      `%s: ${row.outcome} before the deadline; the link then signs in, once, however often it is redelivered`,
      async (fault) => {
        const event = loadFixture('VerifyAuthChallengeResponse_Authentication', 'magic-link');
        arrangeFault(SCENARIOS[row.id], fault);

        await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
        const code = await invoke(loadFixture('VerifyAuthChallengeResponse_Authentication', 'email-code'));
        expect(code.response.answerCorrect).toBe(true);

        recover();
        const answers = await redeliver(invoke, event);
        expect(answers.map((answer) => answer.response.answerCorrect)).toEqual(Array(6).fill(true));
        const other = structuredClone(event);
        other.request.privateChallengeParameters['challengeId'] = 'another-sign-in';
        await expect(invoke(other)).rejects.toThrow('This sign-in link has already been used.');
      },
    );
  },
);
