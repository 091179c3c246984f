import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { lazy } from '../lazy';
import { CLIENT_OPTIONS } from './client-options';

/** The container's Secrets Manager client, created on first use; its SDK module is loaded only then. */
export const secretsManagerClient: () => Promise<SecretsManagerClient> = lazy(async () => {
  const { SecretsManagerClient } = await import('./sdk/secrets-manager');
  return new SecretsManagerClient(CLIENT_OPTIONS);
});
