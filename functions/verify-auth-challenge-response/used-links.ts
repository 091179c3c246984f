import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DependencyError } from '@shared/errors';

/** The record of magic links that signed someone in. */
export interface UsedLinks {
  /**
   * Marks link `linkId` used by the sign-in `challengeId`, kept until `expiresAt` (seconds since the epoch). True
   * when the link was unused, or already used by that same sign-in (Cognito retrying the verification); false when
   * another sign-in used it.
   *
   * `signal` is the invocation's abort signal (see `StepContext.signal`).
   *
   * @throws DependencyError when the record cannot be written.
   */
  use(linkId: string, challengeId: string, expiresAt: number, signal?: AbortSignal): Promise<boolean>;
}

/**
 * {@link UsedLinks} in the DynamoDB table `tableName` (resources/tables.yml `SignInChallengesTable`): one item per
 * used link, `link#<linkId>`, written by a conditional PutItem, with `ttl` at the link's expiry (dynalite keeps items
 * past it; nothing depends on their removal). `client` is called on first use, so the SDK loads only when a magic
 * link is checked.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
export function createDynamoDbUsedLinks(client: () => Promise<DynamoDBClient>, tableName: string): UsedLinks {
  return {
    async use(linkId, challengeId, expiresAt, signal) {
      try {
        const { PutItemCommand } = await import('@shared/aws/sdk/dynamodb');
        await (await client()).send(
          new PutItemCommand({
            TableName: tableName,
            Item: { pk: { S: `link#${linkId}` }, usedBy: { S: challengeId }, ttl: { N: String(expiresAt) } },
            ConditionExpression: 'attribute_not_exists(#pk) OR #usedBy = :challengeId',
            ExpressionAttributeNames: { '#pk': 'pk', '#usedBy': 'usedBy' },
            ExpressionAttributeValues: { ':challengeId': { S: challengeId } },
          }),
          { abortSignal: signal },
        );
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
        throw new DependencyError('Could not record a used magic link in the sign-in challenges table.', {
          cause: error,
          dependency: 'DynamoDB',
        });
      }
    },
  };
}
