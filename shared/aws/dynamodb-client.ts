import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lazy } from '../lazy';
import { CLIENT_OPTIONS } from './client-options';

/**
 * The container's DynamoDB client, created on first use. The SDK module is loaded by a dynamic import, so a
 * path that never calls DynamoDB does not pay its start-up cost. One file per client keeps each function's
 * bundle to the SDK modules it uses.
 */
export const dynamoDbClient: () => Promise<DynamoDBClient> = lazy(async () => {
  const { DynamoDBClient } = await import('./sdk/dynamodb');
  return new DynamoDBClient(CLIENT_OPTIONS);
});
