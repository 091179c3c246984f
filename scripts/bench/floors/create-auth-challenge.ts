/*
 * The floor of createAuthChallenge's email-code path: only the DynamoDB and SES clients it needs, and the calls of
 * a new code: read the user's record, record the code, claim its email, send it, record it as sent.
 */
import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);
const ses = new SESClient(CLIENT_OPTIONS);

/** Makes the five calls of a new sign-in code and returns the event with the challenge. */
export async function handler(event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> {
  const TableName = process.env.SIGN_IN_CHALLENGES_TABLE;
  const Key = { pk: { S: `user#${event.userName}` } };
  const code = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  await dynamoDb.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }));
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #code = :code, #version = :one',
      ConditionExpression: 'attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#code': 'emailCodeSecret', '#version': 'version' },
      ExpressionAttributeValues: { ':code': { S: code }, ':one': { N: '1' } },
    }),
  );
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #claim = :until',
      ConditionExpression: 'attribute_not_exists(#sent)',
      ExpressionAttributeNames: { '#claim': 'emailCodeClaimedUntil', '#sent': 'emailCodeSentAt' },
      ExpressionAttributeValues: { ':until': { N: String(Date.now() + 5000) } },
    }),
  );
  await ses.send(
    new SendEmailCommand({
      Source: process.env.EMAIL_FROM,
      Destination: { ToAddresses: [event.request.userAttributes['email'] ?? ''] },
      Message: {
        Subject: { Data: 'Your sign-in code' },
        Body: { Html: { Data: `<p>${code}</p>` }, Text: { Data: code } },
      },
    }),
  );
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #sent = :at REMOVE #claim',
      ExpressionAttributeNames: { '#claim': 'emailCodeClaimedUntil', '#sent': 'emailCodeSentAt' },
      ExpressionAttributeValues: { ':at': { N: String(Date.now()) } },
    }),
  );
  event.response.publicChallengeParameters = { step: 'email_code' };
  event.response.privateChallengeParameters = { step: 'email_code', code };
  event.response.challengeMetadata = 'email_code';
  return event;
}
