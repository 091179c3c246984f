import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';

/**
 * SDK clients configured exactly like the deployed functions' (shared/aws/client-options.ts: attempts, connect and
 * request timeouts), pointed at `endpoint`, so a test measures the real time budget against an emulator or a fault.
 */
export const budgetedClients = {
  dynamoDb: (endpoint: string) => new DynamoDBClient({ ...CLIENT_OPTIONS, endpoint }),
  ses: (endpoint: string) => new SESClient({ ...CLIENT_OPTIONS, endpoint }),
  cognito: (endpoint: string) => new CognitoIdentityProviderClient({ ...CLIENT_OPTIONS, endpoint }),
  secretsManager: (endpoint: string) => new SecretsManagerClient({ ...CLIENT_OPTIONS, endpoint }),
};

/** A client getter, as the stores take one, whose client a test can swap between invocations (fault, recovery). */
export interface SwitchableClient<T> {
  get: () => Promise<T>;
  use(next: T): void;
}

/** A {@link SwitchableClient} starting with `initial`. */
export function switchableClient<T>(initial: T): SwitchableClient<T> {
  let current = initial;
  return {
    get: async () => current,
    use: (next) => {
      current = next;
    },
  };
}
