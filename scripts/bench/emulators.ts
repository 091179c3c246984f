import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { ensureTables } from '@scripts/local-pool/provision';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { startSesLocal } from '@test/helpers/ses-local';
import { type CognitoAnswer, type RecordingEndpoint, startCognitoStub, startRecordingProxy } from './aws-endpoints';

/** Region and fake credentials for clients of the emulators, and no instance-metadata probing. */
const LOCAL_CREDENTIALS = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** The AWS services the functions call, on loopback, each recording the operations called. */
export interface BenchEmulators {
  /** Environment that points the SDK at the emulators with fake credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** The DynamoDB emulator, which holds the tables it was started with. */
  readonly dynamoDb: LocalDynamoDb;
  /** Operations called since the last call (`dynamodb.PutItem`, `ses.SendEmail`, `cognito.ListUsers`), sorted. */
  takeOperations(): string[];
  stop(): Promise<void>;
}

/**
 * Starts dynalite holding `tables` (by logical id) and aws-ses-v2-local, each behind a recording proxy, and a Cognito API stub
 * answering `cognitoAnswers`, and returns the environment that points an SDK client at them.
 */
export async function startBenchEmulators(
  cognitoAnswers: Readonly<Record<string, CognitoAnswer>>,
  tables: Readonly<Record<string, CreateTableCommandInput>>,
): Promise<BenchEmulators> {
  // The bench's own client (creating tables, seeding users) talks to the emulator only; it needs some credentials.
  Object.assign(process.env, { ...LOCAL_CREDENTIALS, ...process.env });
  const dynamoDb = await startDynalite();
  const ses = await startSesLocal();
  const recorded: Record<'dynamodb' | 'ses' | 'cognito', RecordingEndpoint> = {
    dynamodb: await startRecordingProxy('dynamodb', dynamoDb.endpoint),
    ses: await startRecordingProxy('ses', ses.endpoint),
    cognito: await startCognitoStub(cognitoAnswers),
  };
  const stop = async () => {
    await Promise.all(Object.values(recorded).map((endpoint) => endpoint.stop()));
    await Promise.all([dynamoDb.stop(), ses.stop()]);
  };
  try {
    await ensureTables(dynamoDb.client, tables);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    env: {
      ...LOCAL_CREDENTIALS,
      AWS_ENDPOINT_URL_DYNAMODB: recorded.dynamodb.endpoint,
      AWS_ENDPOINT_URL_SES: recorded.ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: recorded.cognito.endpoint,
    },
    dynamoDb,
    takeOperations: () =>
      Object.values(recorded)
        .flatMap((endpoint) => endpoint.take())
        .sort(),
    stop,
  };
}
