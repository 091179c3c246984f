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
export class DynamoDbLegacyUserStore implements LegacyUserStore {
  constructor(
    private readonly client: () => Promise<DynamoDBClient>,
    private readonly tableName: string,
  ) {}

  /** Reads the account with a strongly consistent read, so a retry sees what the previous attempt wrote. */
  async find(username: string): Promise<LegacyUser | undefined> {
    const { GetItemCommand } = await import('@aws-sdk/client-dynamodb');
    let item: Record<string, AttributeValue> | undefined;
    try {
      const client = await this.client();
      ({ Item: item } = await client.send(
        new GetItemCommand({ TableName: this.tableName, Key: { username: { S: username } }, ConsistentRead: true }),
      ));
    } catch (error) {
      throw new DependencyError('Reading the legacy user store failed.', { cause: error });
    }
    return item === undefined ? undefined : legacyUserFromItem(item);
  }

  /**
   * Sets `migratedAt` with a conditional update that only succeeds while it is unset (and the account exists), so
   * concurrent and repeated calls keep the first timestamp.
   */
  async markMigrated(username: string, at: Date): Promise<MarkMigratedOutcome> {
    const { UpdateItemCommand } = await import('@aws-sdk/client-dynamodb');
    try {
      const client = await this.client();
      await client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { username: { S: username } },
          UpdateExpression: 'SET #migratedAt = :at',
          ConditionExpression: 'attribute_exists(#username) AND attribute_not_exists(#migratedAt)',
          ExpressionAttributeNames: { '#username': 'username', '#migratedAt': 'migratedAt' },
          ExpressionAttributeValues: { ':at': { S: at.toISOString() } },
        }),
      );
      return 'marked';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'already-migrated';
      throw new DependencyError('Marking the legacy user as migrated failed.', { cause: error });
    }
  }
}
