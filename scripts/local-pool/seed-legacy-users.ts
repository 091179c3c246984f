import { ConditionalCheckFailedException, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { legacyUserToItem } from '@functions/user-migration/legacy-user-item';
import type { LegacyUser } from '@functions/user-migration/legacy-user-store';
import seedFile from './legacy-users.json';

/** A demo account of the legacy system: the stored record and the password its hash was made from. */
export type LegacyDemoUser = LegacyUser & { password: string };

/** The demo accounts of `legacy-users.json`. */
export const LEGACY_DEMO_USERS: readonly LegacyDemoUser[] = seedFile.users as LegacyDemoUser[];

/**
 * Writes the demo accounts into the legacy users table. An account that is already there is left as it is, so
 * a restart keeps what the migration recorded (`migratedAt`).
 */
export async function seedLegacyUsers(dynamoDb: DynamoDBClient, tableName: string): Promise<void> {
  await Promise.all(
    LEGACY_DEMO_USERS.map(async ({ password: _documentedOnly, ...user }) => {
      try {
        await dynamoDb.send(
          new PutItemCommand({
            TableName: tableName,
            Item: legacyUserToItem(user),
            ConditionExpression: 'attribute_not_exists(username)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }),
  );
}
