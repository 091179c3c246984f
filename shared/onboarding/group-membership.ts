import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DependencyError } from '@shared/errors';

/** Adds users to user pool groups. */
export interface GroupMembership {
  /**
   * Adds the user `userName` of pool `userPoolId` to `group`. Adding a member again succeeds and changes
   * nothing, so retries are safe.
   *
   * @throws DependencyError when Cognito refuses or cannot be reached.
   */
  add(userPoolId: string, userName: string, group: string, signal?: AbortSignal): Promise<void>;
}

/**
 * {@link GroupMembership} through the Cognito admin API (`cognito-idp:AdminAddUserToGroup`). The pool comes from
 * the event, never from configuration: a function that refers to its own pool is a CloudFormation cycle.
 * `client` is called on first use, so the SDK loads only when a step needs it.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html
 */
export function createCognitoGroupMembership(client: () => Promise<CognitoIdentityProviderClient>): GroupMembership {
  return {
    async add(userPoolId, userName, group, signal) {
      try {
        const { AdminAddUserToGroupCommand } = await import('@shared/aws/sdk/cognito');
        await (await client()).send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: userName, GroupName: group }),
          { abortSignal: signal },
        );
      } catch (error) {
        throw new DependencyError(`Could not add the user to group "${group}".`, {
          cause: error,
          dependency: 'Cognito',
        });
      }
    },
  };
}
