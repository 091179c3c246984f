import { incorrectCredentials } from '../aws-errors';
import type { ClientCall } from '../layer';
import { migrateUser } from '../migration';
import { type AuthAnswer, afterPassword } from './complete';
import { beginSignIn, findUser, samePassword } from './users';

/**
 * Signs in with a password the client sends (USER_PASSWORD_AUTH, USER_AUTH's PASSWORD): an unknown user is first
 * offered to the UserMigration trigger, then PreAuthentication, the password, and the user's status decide.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
 */
export async function signInWithPassword(
  call: ClientCall,
  username: string,
  password: string,
  {
    validationData,
    clientMetadata,
  }: { validationData?: Record<string, string>; clientMetadata?: Record<string, string> },
): Promise<AuthAnswer> {
  const user =
    (await findUser(call, username)) ??
    (await migrateUser(call, username, {
      source: 'UserMigration_Authentication',
      password,
      ...(validationData === undefined ? {} : { clientMetadata: validationData }),
    }));
  const subject = await beginSignIn(call, username, user, validationData);
  if (subject.user === null || !samePassword(password, subject.user.Password)) throw incorrectCredentials();
  return afterPassword(call, subject.user, clientMetadata === undefined ? {} : { clientMetadata });
}
