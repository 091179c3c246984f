import { setTimeout as delay } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

const POLL_MS = 5;

/**
 * Waits until the table `name` is ACTIVE. dynalite flips a new table's status on a timer, even with
 * `createTableMs: 0`, and a write to a table still CREATING fails with ResourceNotFoundException.
 *
 * @throws Error when the table is not ACTIVE within `timeoutMs`.
 */
export async function waitUntilTableActive(client: DynamoDBClient, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`Table ${name} was not ACTIVE within ${timeoutMs} ms`);
    await delay(POLL_MS);
  }
}
