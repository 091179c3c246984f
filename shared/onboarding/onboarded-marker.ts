import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DependencyError } from '@shared/errors';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/**
 * The custom attribute the onboarding sets once a user has a profile and their default groups, declared in the
 * pool's schema (resources/pool/settings.ts) and left out of the app client's `WriteAttributes`, so only the
 * onboarding (through the admin API) writes it. Every trigger event carries it, which is how postAuthentication
 * knows, from the event alone, that an ordinary sign-in needs nothing done.
 */
export const ONBOARDED_ATTRIBUTE = 'onboarded';

/**
 * The value the onboarding writes: the version of what it does. A later onboarding that does more (say, a new
 * default group) raises it, and every user catches up on their next sign-in.
 */
export const ONBOARDING_VERSION = '1';

/** Whether the user's attributes say the current onboarding is done. */
export function isOnboarded(attributes: StringMap): boolean {
  return attributes[`custom:${ONBOARDED_ATTRIBUTE}`] === ONBOARDING_VERSION;
}

/** Marks users as onboarded. */
export interface OnboardedMarker {
  /**
   * Sets `custom:onboarded` on the user `userName` of pool `userPoolId`; setting it again changes nothing.
   * `signal` is the invocation's abort signal (see `StepContext.signal`).
   *
   * @throws DependencyError when Cognito refuses or cannot be reached.
   */
  mark(userPoolId: string, userName: string, signal?: AbortSignal): Promise<void>;
}

/**
 * {@link OnboardedMarker} through the Cognito admin API (`cognito-idp:AdminUpdateUserAttributes`). The pool comes
 * from the event: a function that refers to its own pool is a CloudFormation cycle. `client` is called on first use.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUpdateUserAttributes.html
 */
export function createCognitoOnboardedMarker(client: () => Promise<CognitoIdentityProviderClient>): OnboardedMarker {
  return {
    async mark(userPoolId, userName, signal) {
      try {
        const { AdminUpdateUserAttributesCommand } = await import('@shared/aws/sdk/cognito');
        await (await client()).send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: userPoolId,
            Username: userName,
            UserAttributes: [{ Name: `custom:${ONBOARDED_ATTRIBUTE}`, Value: ONBOARDING_VERSION }],
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        throw new DependencyError('Could not mark the user as onboarded.', { cause: error, dependency: 'Cognito' });
      }
    },
  };
}
