/*
 * The floor of the onboarding (postConfirmation's confirmed sign-up, postAuthentication's first sign-in): only the
 * DynamoDB, Cognito and SES clients it needs, and its calls in its order: create the profile; then, side by side,
 * add the default group and mark the user onboarded, and claim the welcome email, send it, record it as sent and
 * take the profile out of the outbox.
 */
import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { BaseTriggerEvent, StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);
const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);
const ses = new SESClient(CLIENT_OPTIONS);

type OnboardingEvent = BaseTriggerEvent<string> & { request: { userAttributes: StringMap } };

/** Makes the seven calls of an onboarding and returns the event. */
export async function handler<E extends OnboardingEvent>(event: E): Promise<E> {
  const TableName = process.env.USER_PROFILES_TABLE;
  const sub = event.request.userAttributes['sub'] ?? event.userName;
  const email = event.request.userAttributes['email'] ?? '';
  const now = new Date().toISOString();
  const Key = { sub: { S: sub } };
  const update = (UpdateExpression: string, names: Record<string, string>, values?: Record<string, string>) =>
    dynamoDb.send(
      new UpdateItemCommand({
        TableName,
        Key,
        UpdateExpression,
        ExpressionAttributeNames: names,
        ...(values === undefined
          ? {}
          : { ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { S: v }])) }),
      }),
    );
  await dynamoDb.send(
    new PutItemCommand({
      TableName,
      Item: {
        sub: { S: sub },
        email: { S: email },
        createdAt: { S: now },
        welcomeEmailDueFor: { S: now },
        outbox: { S: 'due' },
        outboxAt: { S: now },
      },
      ConditionExpression: 'attribute_not_exists(#sub)',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  const groups = (async () => {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: 'users' }),
    );
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        UserAttributes: [{ Name: 'custom:onboarded', Value: '1' }],
      }),
    );
  })();
  await update('SET #claim = :id', { '#claim': 'welcomeEmailClaimId' }, { ':id': 'claim' });
  await ses.send(
    new SendEmailCommand({
      Source: process.env.EMAIL_FROM,
      Destination: { ToAddresses: [email] },
      Message: {
        Subject: { Data: 'Welcome' },
        Body: { Html: { Data: '<p>Welcome</p>' }, Text: { Data: 'Welcome' } },
      },
    }),
  );
  await update(
    'SET #sent = :at REMOVE #claim',
    { '#claim': 'welcomeEmailClaimId', '#sent': 'welcomeEmailSentAt' },
    { ':at': now },
  );
  await update('REMOVE #outbox, #outboxAt', { '#outbox': 'outbox', '#outboxAt': 'outboxAt' });
  await groups;
  return event;
}
