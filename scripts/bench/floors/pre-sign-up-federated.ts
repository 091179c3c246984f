/*
 * The floor of preSignUp's federated path: only the Cognito client its account linking needs, and the two calls
 * that path makes: ListUsers by email, then AdminLinkProviderForUser.
 */
import {
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLIENT_OPTIONS } from '@shared/aws/client-options';
import type { PreSignUpExternalProviderTriggerEvent } from 'aws-lambda';

const cognito = new CognitoIdentityProviderClient(CLIENT_OPTIONS);

/** Looks up the native user by email, links the identity to it and returns the event. */
export async function handler(
  event: PreSignUpExternalProviderTriggerEvent,
): Promise<PreSignUpExternalProviderTriggerEvent> {
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
  return event;
}
