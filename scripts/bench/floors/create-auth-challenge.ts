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

/** The sign-in email's sizes: a subject, an HTML body in the layout (about 1.5 KB) and a text body. */
const SIGN_IN_EMAIL = {
  subject: 'Your sign-in code for Example App',
  html: (code: string) =>
    `<!doctype html><html><body>${'<p>Your code for Example App.</p>'.repeat(44)}<p>${code}</p></body></html>`,
  text: (code: string) => `${'Your code for Example App. '.repeat(9)}${code}`,
};

/** The email-code attributes of the item, as the sign-in store names them. */
const names = (...parts: string[]) => Object.fromEntries(parts.map((part) => [`#${part}`, `emailCode${part}`]));

/**
 * Makes the five calls of a new sign-in code, with the sign-in store's requests (the same expressions and
 * conditions, functions/create-auth-challenge/sign-in-store.ts) and an email of the sign-in email's size, so the
 * emulators do the same work for the floor as for the function; returns the event with the challenge.
 */
export async function handler(event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> {
  const TableName = process.env.SIGN_IN_CHALLENGES_TABLE;
  const Key = { pk: { S: `user#${event.userName}` } };
  const code = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const id = `issue-${Date.now()}`;
  const now = Date.now();
  const n = (value: number) => ({ N: String(value) });
  await dynamoDb.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }));
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression:
        'SET #Id = :id, #Secret = :secret, #IssuedAt = :issuedAt, #ExpiresAt = :expiresAt, #version = :next,' +
        ' #windowStart = :windowStart, #windowCount = :windowCount, #ttl = :ttl REMOVE #SentAt, #ClaimedUntil',
      ConditionExpression: 'attribute_not_exists(#version)',
      ExpressionAttributeNames: {
        ...names('Id', 'Secret', 'IssuedAt', 'ExpiresAt', 'SentAt', 'ClaimedUntil'),
        '#version': 'version',
        '#windowStart': 'windowStart',
        '#windowCount': 'windowCount',
        '#ttl': 'ttl',
      },
      ExpressionAttributeValues: {
        ':id': { S: id },
        ':secret': { S: code },
        ':issuedAt': n(now),
        ':expiresAt': n(now + 300_000),
        ':next': n(1),
        ':windowStart': n(now),
        ':windowCount': n(1),
        ':ttl': n(Math.ceil(now / 1000) + 86_700),
      },
    }),
  );
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #ClaimedUntil = :until',
      ConditionExpression:
        '#Id = :id AND attribute_not_exists(#SentAt) AND (attribute_not_exists(#ClaimedUntil) OR #ClaimedUntil < :now)',
      ExpressionAttributeNames: names('Id', 'SentAt', 'ClaimedUntil'),
      ExpressionAttributeValues: { ':id': { S: id }, ':until': n(now + 5_000), ':now': n(now) },
    }),
  );
  await ses.send(
    new SendEmailCommand({
      Source: process.env.EMAIL_FROM,
      Destination: { ToAddresses: [event.request.userAttributes['email'] ?? ''] },
      ReplyToAddresses: [process.env.SUPPORT_EMAIL ?? ''],
      Message: {
        Subject: { Data: SIGN_IN_EMAIL.subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: SIGN_IN_EMAIL.html(code), Charset: 'UTF-8' },
          Text: { Data: SIGN_IN_EMAIL.text(code), Charset: 'UTF-8' },
        },
      },
    }),
  );
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #SentAt = :sentAt REMOVE #ClaimedUntil',
      ConditionExpression: '#Id = :id',
      ExpressionAttributeNames: names('Id', 'SentAt', 'ClaimedUntil'),
      ExpressionAttributeValues: { ':id': { S: id }, ':sentAt': n(Date.now()) },
    }),
  );
  event.response.publicChallengeParameters = { step: 'email_code' };
  event.response.privateChallengeParameters = { step: 'email_code', code };
  event.response.challengeMetadata = 'email_code';
  return event;
}
