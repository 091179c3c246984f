/*
 * The floor of preSignUp's federated path: the Cognito client its account linking needs, and (with
 * BENCH_FLOOR_CALLS) the two calls that path makes: ListUsers by email, then AdminLinkProviderForUser.
 */
import {
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { PreSignUpExternalProviderTriggerEvent } from 'aws-lambda';
import { makesCalls } from './floor-calls';

const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);

/** Returns the event; with calls, first looks up the native user by email and links the identity to it. */
export async function handler(
  event: PreSignUpExternalProviderTriggerEvent,
): Promise<PreSignUpExternalProviderTriggerEvent> {
  if (makesCalls()) {
    const email = event.request.userAttributes['email'] ?? '';
    const { Users } = await cognito.send(
      new ListUsersCommand({ UserPoolId: event.userPoolId, Filter: `email = "${email}"` }),
    );
    const [provider = '', subject = ''] = event.userName.split('_');
    await cognito.send(
      new AdminLinkProviderForUserCommand({
        UserPoolId: event.userPoolId,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: Users?.[0]?.Username ?? '' },
        SourceUser: {
          ProviderName: provider,
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: subject,
        },
      }),
    );
  }
  return event;
}
