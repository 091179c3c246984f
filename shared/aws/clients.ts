import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESClient } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS, lazy } from './client-options';

/*
 * One client per service and container, created on first use. The SDK modules are loaded with a dynamic
 * import, so a trigger whose path never calls AWS does not pay their start-up cost.
 */

/** The container's DynamoDB client. */
export const dynamoDbClient: () => Promise<DynamoDBClient> = lazy(async () => {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  return new DynamoDBClient(CLIENT_OPTIONS);
});

/** The container's SES client. */
export const sesClient: () => Promise<SESClient> = lazy(async () => {
  const { SESClient } = await import('@aws-sdk/client-ses');
  return new SESClient(CLIENT_OPTIONS);
});

/** The container's Cognito user pools (admin API) client. */
export const cognitoClient: () => Promise<CognitoIdentityProviderClient> = lazy(async () => {
  const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
  return new CognitoIdentityProviderClient(CLIENT_OPTIONS);
});
