import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { startSesLocal } from '@test/helpers/ses-local';
import { type CognitoAnswer, startCognitoStub } from './cognito-stub';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy';

/** Region and fake credentials for clients of the emulators, and no instance-metadata probing. */
const LOCAL_CREDENTIALS = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** The AWS services the functions call, on loopback, each behind a proxy that records the operations called. */
export interface BenchEmulators {
  /** Environment that points the SDK at the emulators with fake credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** The DynamoDB emulator, for creating and seeding tables. */
  readonly dynamoDb: LocalDynamoDb;
  /** Operations called since the last call (`dynamodb.PutItem`, `ses.SendEmail`, `cognito.ListUsers`), sorted. */
  takeOperations(): string[];
  stop(): Promise<void>;
}

/**
 * Starts dynalite, aws-ses-v2-local and a Cognito API stub answering `cognitoAnswers`, each behind a
 * recording proxy, and returns the environment that points an SDK client at them.
 */
export async function startBenchEmulators(
  cognitoAnswers: Readonly<Record<string, CognitoAnswer>>,
): Promise<BenchEmulators> {
  // The bench's own client (creating and seeding tables) talks to the emulator only; it needs some credentials.
  Object.assign(process.env, { ...LOCAL_CREDENTIALS, ...process.env });
  const dynamoDb = await startDynalite();
  const ses = await startSesLocal();
  const cognito = await startCognitoStub(cognitoAnswers);
  const proxies: Record<'dynamodb' | 'ses' | 'cognito', RecordingProxy> = {
    dynamodb: await startRecordingProxy('dynamodb', dynamoDb.endpoint),
    ses: await startRecordingProxy('ses', ses.endpoint),
    cognito: await startRecordingProxy('cognito', cognito.endpoint),
  };
  return {
    env: {
      ...LOCAL_CREDENTIALS,
      AWS_ENDPOINT_URL_DYNAMODB: proxies.dynamodb.endpoint,
      AWS_ENDPOINT_URL_SES: proxies.ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: proxies.cognito.endpoint,
    },
    dynamoDb,
    takeOperations: () =>
      Object.values(proxies)
        .flatMap((proxy) => proxy.take())
        .sort(),
    stop: async () => {
      await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
      await Promise.all([dynamoDb.stop(), ses.stop(), cognito.stop()]);
    },
  };
}
