/*
 * The floor of userMigration: only the DynamoDB client its legacy store needs, and the work of a migration that
 * no implementation can skip: GetItem of the legacy user, the bcrypt check of the password against its hash (with
 * the same library, loaded on first use as the function does), and the conditional UpdateItem that marks the user
 * migrated.
 */
import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { UserMigrationAuthenticationTriggerEvent } from 'aws-lambda';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);

/** Reads the legacy user, checks the password, marks the user migrated and returns the event. */
export async function handler(
  event: UserMigrationAuthenticationTriggerEvent,
): Promise<UserMigrationAuthenticationTriggerEvent> {
  const TableName = process.env.LEGACY_USERS_TABLE;
  const Key = { username: { S: event.userName } };
  const { Item } = await dynamoDb.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }));
  const { compare } = await import('bcryptjs');
  if (!(await compare(event.request.password, Item?.passwordHash?.S ?? '')))
    throw new Error('Incorrect username or password.');
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #migratedAt = :at',
      ConditionExpression: 'attribute_exists(#username) AND attribute_not_exists(#migratedAt)',
      ExpressionAttributeNames: { '#username': 'username', '#migratedAt': 'migratedAt' },
      ExpressionAttributeValues: { ':at': { S: new Date().toISOString() } },
    }),
  );
  return event;
}
