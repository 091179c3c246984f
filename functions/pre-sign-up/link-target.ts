import type { PoolUser } from './native-users';

/** `UserStatus` of users created by a federated sign-in; they cannot be link destinations here. */
const FEDERATED_STATUS = 'EXTERNAL_PROVIDER';

function isNativeWithVerifiedEmail(user: PoolUser): boolean {
  return (
    user.username !== '' &&
    user.status !== undefined &&
    user.status !== FEDERATED_STATUS &&
    user.attributes['email_verified'] === 'true'
  );
}

function oldestFirst(a: PoolUser, b: PoolUser): number {
  const byDate =
    (a.createdAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.createdAt?.getTime() ?? Number.MAX_SAFE_INTEGER);
  return byDate !== 0 ? byDate : a.username.localeCompare(b.username);
}

/**
 * The native user a federated identity with the same email should be linked to: among the users given (those
 * with that email), the ones that are not federated users and whose email is verified; when several qualify,
 * the oldest account (then the smallest user name), so every invocation picks the same one.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation-consolidate-users.html
 */
export function linkTarget(users: readonly PoolUser[]): PoolUser | undefined {
  return users.filter(isNativeWithVerifiedEmail).sort(oldestFirst)[0];
}
