/*
 * The floor of an onboarding that sends no email (a user without an address): only the DynamoDB and Cognito clients
 * it needs, and its calls in its order: create the profile, then add the default group and mark the user onboarded.
 * Beside the onboarding's own floor it shows what sending the welcome email from the trigger costs. The profile is
 * the profile store's item, so the emulator does the same work for the floor as for the function.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { BaseTriggerEvent, StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { addToGroupAndMarkOnboarded } from './onboarding-cognito-calls';

const dynamoDb = new DynamoDBClient(CLIENT_OPTIONS);
const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);

type OnboardingEvent = BaseTriggerEvent<string> & { request: { userAttributes: StringMap } };

/** Makes the three calls of an onboarding without email and returns the event. */
export async function handler<E extends OnboardingEvent>(event: E): Promise<E> {
  const sub = event.request.userAttributes['sub'] ?? event.userName;
  const attributes = event.request.userAttributes;
  // The profile store's item and condition (shared/onboarding/profile-store.ts), no email owed.
  await dynamoDb.send(
    new PutItemCommand({
      TableName: process.env.USER_PROFILES_TABLE,
      Item: {
        userName: { S: event.userName },
        createdAt: { S: new Date().toISOString() },
        createdBy: { S: event.triggerSource },
        ...(attributes['name'] === undefined ? {} : { name: { S: attributes['name'] } }),
        sub: { S: sub },
      },
      ConditionExpression: 'attribute_not_exists(#sub)',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  await addToGroupAndMarkOnboarded(cognito, event);
  return event;
}
