import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DependencyError } from '@shared/errors';
import { legacyUserFromItem } from './legacy-user-item';
import type { LegacyUser, LegacyUserStore, MarkMigratedOutcome } from './legacy-user-store';

/**
 * Legacy accounts in the DynamoDB table declared as LegacyUsersTable in resources/tables.yml, one item per
 * account keyed by `username` (the lower-cased email). The client is asked for on first use, so a container
 * pays for the SDK only when it reads the store.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
export function createDynamoDbLegacyUserStore(
  client: () => Promise<DynamoDBClient>,
  tableName: string,
): LegacyUserStore {
  return {
    find: (username, signal) => find(client, tableName, username, signal),
    markMigrated: (username, at, signal) => markMigrated(client, tableName, username, at, signal),
  };
}

/** Reads the account with a strongly consistent read, so a retry sees what the previous attempt wrote. */
async function find(
  client: () => Promise<DynamoDBClient>,
  tableName: string,
  username: string,
  signal?: AbortSignal,
): Promise<LegacyUser | undefined> {
  const { GetItemCommand } = await import('@shared/aws/sdk/dynamodb');
  let item: Record<string, AttributeValue> | undefined;
  try {
    const dynamoDb = await client();
    ({ Item: item } = await dynamoDb.send(
      new GetItemCommand({ TableName: tableName, Key: { username: { S: username } }, ConsistentRead: true }),
      { abortSignal: signal },
    ));
  } catch (error) {
    throw new DependencyError('Reading the legacy user store failed.', { cause: error, dependency: 'DynamoDB' });
  }
  return item === undefined ? undefined : legacyUserFromItem(item);
}

/**
 * Sets `migratedAt` with a conditional update that only succeeds while it is unset (and the account exists), so
 * concurrent and repeated calls keep the first timestamp.
 */
async function markMigrated(
  client: () => Promise<DynamoDBClient>,
  tableName: string,
  username: string,
  at: Date,
  signal?: AbortSignal,
): Promise<MarkMigratedOutcome> {
  const { UpdateItemCommand } = await import('@shared/aws/sdk/dynamodb');
  try {
    const dynamoDb = await client();
    await dynamoDb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { username: { S: username } },
        UpdateExpression: 'SET #migratedAt = :at',
        ConditionExpression: 'attribute_exists(#username) AND attribute_not_exists(#migratedAt)',
        ExpressionAttributeNames: { '#username': 'username', '#migratedAt': 'migratedAt' },
        ExpressionAttributeValues: { ':at': { S: at.toISOString() } },
      }),
      { abortSignal: signal },
    );
    return 'marked';
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'already-migrated';
    throw new DependencyError('Marking the legacy user as migrated failed.', { cause: error, dependency: 'DynamoDB' });
  }
}
