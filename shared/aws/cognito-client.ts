import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { lazy } from '../lazy';
import { CLIENT_OPTIONS } from './client-options';

/** The container's Cognito user pools (admin API) client, created on first use; its SDK module is loaded only then. */
export const cognitoClient: () => Promise<CognitoIdentityProviderClient> = lazy(async () => {
  const { CognitoIdentityProviderClient } = await import('./sdk/cognito');
  return new CognitoIdentityProviderClient(CLIENT_OPTIONS);
});
