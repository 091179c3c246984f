/*
 * The Cognito side of an onboarding, as both onboarding floors make it: add the user to the default group, then
 * mark them onboarded (shared/onboarding/: the group step and the mark).
 */
import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/** Adds the user of `event` to the `users` group and sets `custom:onboarded`, one call after the other. */
export async function addToGroupAndMarkOnboarded(
  cognito: CognitoIdentityProviderClient,
  event: { readonly userPoolId: string; readonly userName: string },
): Promise<void> {
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
}
