import { createHash, timingSafeEqual } from 'node:crypto';
import { attributesToRecord, type User } from 'cognito-local/lib/services/userPoolService';
import { userDisabled } from '../aws-errors';
import { preventsExistenceErrors, unknownUser } from '../client-call';
import type { ClientCall } from '../layer';

/** Who is signing in: the user, or (when the client hides existence) only the name given for an unknown one. */
export interface SignInSubject {
  user: User | null;
  /** The user's name in the pool, or the name given. */
  username: string;
  userNotFound: boolean;
}

/** Compares passwords in constant time. */
export function samePassword(given: string, stored: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(stored)) && stored !== '';
}

/** The user a sign-in names (any case in a case-insensitive pool), or null. */
export async function findUser({ ctx, userPool }: ClientCall, username: string): Promise<User | null> {
  return userPool.getUserByUsername(ctx, username);
}

/**
 * Starts a sign-in for `user` (null when unknown): refuses an unknown user outright unless the client hides
 * existence, refuses a disabled user, and calls PreAuthentication with InitiateAuth's ClientMetadata as
 * `validationData` (and `userNotFound` when the client hides existence).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html
 */
export async function beginSignIn(
  call: ClientCall,
  username: string,
  user: User | null,
  validationData: Record<string, string> | undefined,
): Promise<SignInSubject> {
  const hides = preventsExistenceErrors(call.client);
  if (user === null && !hides) throw unknownUser(call.client);
  if (user !== null && !user.Enabled) throw userDisabled();
  await call.layer.triggers.preAuthentication(
    call.ctx,
    { userPoolId: call.userPool.options.Id, userName: user?.Username ?? username, clientId: call.client.ClientId },
    {
      userAttributes: user === null ? {} : attributesToRecord(user.Attributes),
      ...(validationData === undefined ? {} : { validationData }),
      ...(hides ? { userNotFound: user === null } : {}),
    },
  );
  return { user, username: user?.Username ?? username, userNotFound: user === null };
}
