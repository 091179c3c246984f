/*
 * The floor of postConfirmation: only the DynamoDB, Cognito and SES clients its profile, group and email steps
 * need, and the calls of a confirmed sign-up: create the profile, add the default group, claim the welcome email,
 * send it, record it as sent.
 */
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { PostConfirmationConfirmSignUpTriggerEvent } from 'aws-lambda';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);
const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);
const ses = new SESClient(CLIENT_OPTIONS);

/** Makes the five calls of a confirmed sign-up and returns the event. */
export async function handler(
  event: PostConfirmationConfirmSignUpTriggerEvent,
): Promise<PostConfirmationConfirmSignUpTriggerEvent> {
  const TableName = process.env.USER_PROFILES_TABLE;
  const sub = event.request.userAttributes['sub'] ?? event.userName;
  const email = event.request.userAttributes['email'] ?? '';
  const now = new Date().toISOString();
  await dynamoDb.send(
    new PutItemCommand({
      TableName,
      Item: { sub: { S: sub }, email: { S: email }, createdAt: { S: now }, welcomeEmailDueFor: { S: now } },
      ConditionExpression: 'attribute_not_exists(#sub)',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: 'users' }),
  );
  const Key = { sub: { S: sub } };
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #claim = :id',
      ConditionExpression: 'attribute_exists(#due)',
      ExpressionAttributeNames: { '#claim': 'welcomeEmailClaimId', '#due': 'welcomeEmailDueFor' },
      ExpressionAttributeValues: { ':id': { S: 'claim' } },
    }),
  );
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
  await dynamoDb.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET #sent = :at REMOVE #claim',
      ConditionExpression: '#claim = :id',
      ExpressionAttributeNames: { '#claim': 'welcomeEmailClaimId', '#sent': 'welcomeEmailSentAt' },
      ExpressionAttributeValues: { ':id': { S: 'claim' }, ':at': { S: now } },
    }),
  );
  return event;
}
