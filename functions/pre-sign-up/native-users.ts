import type { CognitoIdentityProviderClient, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { DependencyError } from '@shared/errors';
import { listsIdentity } from './linked-identities';
import { exactMatchFilter } from './list-users-filter';

/** A user of the pool as ListUsers returns it. */
export interface PoolUser {
  readonly username: string;
  /** `UserStatus`: `CONFIRMED`, `UNCONFIRMED`, `EXTERNAL_PROVIDER`, `FORCE_CHANGE_PASSWORD`, … */
  readonly status: string | undefined;
  readonly createdAt: Date | undefined;
  readonly attributes: Readonly<Record<string, string>>;
}

/** A federated identity to attach to an existing user of the pool. */
export interface IdentityLink {
  readonly userPoolId: string;
  /** User name of the existing (native) user the identity signs in as. */
  readonly destinationUsername: string;
  /** The identity provider's name as configured in the pool, e.g. `Google`. */
  readonly providerName: string;
  /** The user's subject at the provider. */
  readonly subject: string;
}

/**
 * How a link request ended: made now, made by an earlier attempt (a retried or concurrent invocation), refused
 * because the destination user no longer exists, or refused because the destination has the maximum number of
 * linked identities (five).
 */
export type LinkOutcome = 'linked' | 'already-linked' | 'no-destination' | 'link-limit-reached';

/**
 * The Cognito admin operations the PreSignUp flow needs; tests pass their own. Each takes the invocation's abort
 * signal last (see `StepContext.signal`).
 */
export interface NativeUsers {
  /** The users of the pool whose `email` is exactly `email`. */
  withEmail(userPoolId: string, email: string, signal?: AbortSignal): Promise<PoolUser[]>;
  /** Links a federated identity to an existing user; retry-safe (see {@link LinkOutcome}). */
  link(request: IdentityLink, signal?: AbortSignal): Promise<LinkOutcome>;
}

/** The SDK module, loaded on first use so invocations that never call Cognito do not pay its start-up cost. */
const sdk = () => import('@shared/aws/sdk/cognito');

function poolUser(user: UserType): PoolUser {
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of user.Attributes ?? []) {
    if (Name !== undefined && Value !== undefined) {
      attributes[Name] = Value;
    }
  }
  return { username: user.Username ?? '', status: user.UserStatus, createdAt: user.UserCreateDate, attributes };
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/**
 * {@link NativeUsers} over the Cognito user pools admin API (ListUsers, AdminLinkProviderForUser). `client` is
 * called only when an operation runs, so creating this object constructs no SDK client.
 *
 * Retry safety of `link`: Cognito answers a second link of the same identity with an error rather than success
 * (`InvalidParameterException`; its wording has changed over time, so it is not matched). On
 * `InvalidParameterException` or `LimitExceededException` the destination's `identities` attribute is read back:
 * if it already lists the identity, the link exists and the outcome is `already-linked`.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminLinkProviderForUser.html
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
 */
export function createCognitoNativeUsers(client: () => Promise<CognitoIdentityProviderClient>): NativeUsers {
  const listUsers = async (userPoolId: string, filter: string, signal?: AbortSignal): Promise<PoolUser[]> => {
    const [{ ListUsersCommand }, cognito] = await Promise.all([sdk(), client()]);
    try {
      const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: filter }), {
        abortSignal: signal,
      });
      return (Users ?? []).map(poolUser);
    } catch (error) {
      throw new DependencyError('ListUsers failed.', { cause: error, dependency: 'Cognito' });
    }
  };

  const isLinked = async (request: IdentityLink, signal?: AbortSignal): Promise<boolean> => {
    const filter = exactMatchFilter('username', request.destinationUsername);
    const users = await listUsers(request.userPoolId, filter, signal);
    const destination = users.find((user) => user.username === request.destinationUsername);
    return (
      destination !== undefined &&
      listsIdentity(destination.attributes['identities'], request.providerName, request.subject)
    );
  };

  const outcomeOfRefusal = async (
    error: unknown,
    request: IdentityLink,
    signal?: AbortSignal,
  ): Promise<LinkOutcome | undefined> => {
    switch (errorName(error)) {
      case 'UserNotFoundException':
        return 'no-destination';
      case 'InvalidParameterException':
        return (await isLinked(request, signal)) ? 'already-linked' : undefined;
      case 'LimitExceededException':
        return (await isLinked(request, signal)) ? 'already-linked' : 'link-limit-reached';
      default:
        return undefined;
    }
  };

  return {
    withEmail: (userPoolId, email, signal) => listUsers(userPoolId, exactMatchFilter('email', email), signal),

    async link(request, signal) {
      const [{ AdminLinkProviderForUserCommand }, cognito] = await Promise.all([sdk(), client()]);
      try {
        await cognito.send(
          new AdminLinkProviderForUserCommand({
            UserPoolId: request.userPoolId,
            DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: request.destinationUsername },
            SourceUser: {
              ProviderName: request.providerName,
              ProviderAttributeName: 'Cognito_Subject',
              ProviderAttributeValue: request.subject,
            },
          }),
          { abortSignal: signal },
        );
        return 'linked';
      } catch (error) {
        const outcome = await outcomeOfRefusal(error, request, signal);
        if (outcome === undefined) {
          throw new DependencyError('AdminLinkProviderForUser failed.', { cause: error, dependency: 'Cognito' });
        }
        return outcome;
      }
    },
  };
}
