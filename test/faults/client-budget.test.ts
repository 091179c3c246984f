/*
 * The time budget of the AWS clients the functions ship with (shared/aws/client-options.ts): against an endpoint
 * that accepts the connection and never answers, and against one that is down, every call gives up after its two
 * attempts, well before Cognito's 5-second deadline.
 */
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { cognitoClient } from '@shared/aws/cognito-client';
import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { sesClient } from '@shared/aws/ses-client';
import { budgetedClients } from '@test/helpers/budgeted-clients';
import { COGNITO_DEADLINE_MS, settle } from '@test/helpers/deadline';
import { type SilentEndpoint, startSilentEndpoint, unreachableEndpoint } from '@test/helpers/silent-endpoint';

const ENDPOINT_VARIABLES = [
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_SES',
  'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
];

let silent: SilentEndpoint;
let down: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  [silent, down] = await Promise.all([startSilentEndpoint(), unreachableEndpoint()]);
  // The shipped clients take their endpoints from the SDK's variables, as they would to reach an emulator.
  for (const name of ENDPOINT_VARIABLES) process.env[name] = silent.endpoint;
});

afterAll(async () => {
  for (const name of ENDPOINT_VARIABLES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await silent?.stop();
});

/** One cheap call of each service, through the shipped client and through an equally configured one. */
const SERVICES = [
  {
    service: 'DynamoDB',
    shipped: async () => (await dynamoDbClient()).send(new ListTablesCommand({})),
    at: (endpoint: string) => budgetedClients.dynamoDb(endpoint).send(new ListTablesCommand({})),
  },
  {
    service: 'SES',
    shipped: async () => (await sesClient()).send(new GetSendQuotaCommand({})),
    at: (endpoint: string) => budgetedClients.ses(endpoint).send(new GetSendQuotaCommand({})),
  },
  {
    service: 'Cognito',
    shipped: async () => (await cognitoClient()).send(new ListUserPoolsCommand({ MaxResults: 1 })),
    at: (endpoint: string) => budgetedClients.cognito(endpoint).send(new ListUserPoolsCommand({ MaxResults: 1 })),
  },
];

describe.each(SERVICES)('the shipped $service client', ({ shipped, at }) => {
  it('gives up on an endpoint that never answers after two timed-out attempts, before the deadline', async () => {
    const connectionsBefore = silent.connections();

    const settled = await settle(shipped);

    expect(settled).toMatchObject({ status: 'rejected', reason: { name: 'TimeoutError', $metadata: { attempts: 2 } } });
    expect(silent.connections() - connectionsBefore).toBe(2);
    expect(settled.elapsedMs).toBeLessThan(COGNITO_DEADLINE_MS);
  });

  it('gives up on an endpoint that is down after two attempts, before the deadline', async () => {
    const settled = await settle(() => at(down));

    expect(settled).toMatchObject({ status: 'rejected', reason: { $metadata: { attempts: 2 } } });
    expect(settled.elapsedMs).toBeLessThan(COGNITO_DEADLINE_MS);
  });
});
