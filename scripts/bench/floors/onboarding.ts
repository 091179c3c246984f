/*
 * The floor of the onboarding (postConfirmation's confirmed sign-up, postAuthentication's first sign-in): only the
 * DynamoDB, Cognito and SES clients it needs, and its calls in its order: create the profile; then, side by side,
 * add the default group and mark the user onboarded, and claim the welcome email, send it, record it as sent and
 * take the profile out of the outbox. The requests are the profile store's own (the same items, expressions and
 * conditions, shared/onboarding/profile-store.ts) and the email has the welcome email's size, so the emulators do
 * the same work for the floor as for the function: only the function's own code is left between the two.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { BaseTriggerEvent, StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { addToGroupAndMarkOnboarded } from './onboarding-cognito-calls';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);
const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);
const ses = new SESClient(CLIENT_OPTIONS);

type OnboardingEvent = BaseTriggerEvent<string> & { request: { userAttributes: StringMap } };

/** The welcome email's sizes: a subject, an HTML body in the layout (about 1.5 KB) and a text body. */
const WELCOME = {
  subject: 'Welcome to Example App',
  html: `<!doctype html><html><body>${'<p>Welcome to Example App.</p>'.repeat(48)}</body></html>`,
  text: 'Welcome to Example App. '.repeat(8),
};

/** The conditions of a claim and of settling the outbox, as the profile store writes them for the welcome email. */
const CLAIMABLE =
  'attribute_exists(#DueFor) AND (attribute_not_exists(#SentFor) OR #SentFor <> #DueFor)' +
  ' AND (attribute_not_exists(#ParkedFor) OR #ParkedFor <> #DueFor)' +
  ' AND (attribute_not_exists(#ClaimExpiresAt) OR #ClaimExpiresAt < :now)';
const EVERY_EMAIL_SENT =
  'attribute_exists(#outbox) AND (attribute_not_exists(#welcomeEmailDueFor) OR #welcomeEmailSentFor = #welcomeEmailDueFor)' +
  ' AND (attribute_not_exists(#passwordNoticeDueFor) OR #passwordNoticeSentFor = #passwordNoticeDueFor)';

/** `#Name` for each name, standing for `prefix + Name`. */
const names = (prefix: string, ...list: string[]) =>
  Object.fromEntries(list.map((name) => [`#${name}`, `${prefix}${name}`]));
const strings = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { S: value }]));

/** Makes the seven calls of an onboarding and returns the event. */
export async function handler<E extends OnboardingEvent>(event: E): Promise<E> {
  const TableName = process.env.USER_PROFILES_TABLE;
  const attributes = event.request.userAttributes;
  const sub = attributes['sub'] ?? event.userName;
  const email = attributes['email'] ?? '';
  const now = new Date().toISOString();
  const Key = { sub: { S: sub } };
  const update = (
    UpdateExpression: string,
    ConditionExpression: string,
    ExpressionAttributeNames: object,
    values = {},
  ) =>
    dynamoDb.send(
      new UpdateItemCommand({
        TableName,
        Key,
        UpdateExpression,
        ConditionExpression,
        ExpressionAttributeNames: ExpressionAttributeNames as Record<string, string>,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: strings(values) } : {}),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
  await dynamoDb.send(
    new PutItemCommand({
      TableName,
      Item: strings({
        userName: event.userName,
        createdAt: now,
        createdBy: event.triggerSource,
        email,
        ...(attributes['name'] === undefined ? {} : { name: attributes['name'] }),
        ...(attributes['locale'] === undefined ? {} : { locale: attributes['locale'] }),
        sub,
        welcomeEmailDueFor: now,
        outbox: 'due',
        outboxAt: now,
      }),
      ConditionExpression: 'attribute_not_exists(#sub)',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  const groups = addToGroupAndMarkOnboarded(cognito, event);
  const claim = 'claim';
  await update(
    'SET #ClaimId = :id, #ClaimExpiresAt = :expiresAt, #ClaimedFor = #DueFor',
    CLAIMABLE,
    names('welcomeEmail', 'ClaimId', 'ClaimExpiresAt', 'ClaimedFor', 'DueFor', 'SentFor', 'ParkedFor'),
    { ':id': claim, ':expiresAt': new Date(Date.now() + 5_000).toISOString(), ':now': now },
  );
  await ses.send(
    new SendEmailCommand({
      Source: process.env.EMAIL_FROM,
      Destination: { ToAddresses: [email] },
      ReplyToAddresses: [process.env.SUPPORT_EMAIL ?? ''],
      Message: {
        Subject: { Data: WELCOME.subject, Charset: 'UTF-8' },
        Body: { Html: { Data: WELCOME.html, Charset: 'UTF-8' }, Text: { Data: WELCOME.text, Charset: 'UTF-8' } },
      },
    }),
  );
  await update(
    'SET #SentFor = #ClaimedFor, #SentAt = :sentAt REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
    '#ClaimId = :id',
    names('welcomeEmail', 'SentFor', 'ClaimedFor', 'SentAt', 'ClaimId', 'ClaimExpiresAt'),
    { ':id': claim, ':sentAt': new Date().toISOString() },
  );
  await update(
    'REMOVE #outbox, #outboxAt',
    EVERY_EMAIL_SENT,
    names(
      '',
      'outbox',
      'outboxAt',
      'welcomeEmailDueFor',
      'welcomeEmailSentFor',
      'passwordNoticeDueFor',
      'passwordNoticeSentFor',
    ),
  );
  await groups;
  return event;
}
