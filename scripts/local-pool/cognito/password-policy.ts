import type { PasswordPolicyType } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import { awsError } from './aws-errors';

/** Cognito's default policy: 8 characters with a lower-case and upper-case letter, a digit and a symbol. */
const DEFAULT_POLICY: PasswordPolicyType = {
  MinimumLength: 8,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/** The symbols Cognito counts as special characters. */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/**
 * Refuses a password the pool's policy does not allow, in Cognito's words
 * (`InvalidPasswordException: Password did not conform with policy: Password not long enough`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
 */
export function assertPasswordConforms(policy: PasswordPolicyType | undefined, password: string): void {
  const rules = policy ?? DEFAULT_POLICY;
  const refuse = (reason: string) =>
    awsError('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
  if (password.length < (rules.MinimumLength ?? 8)) throw refuse('Password not long enough');
  if (rules.RequireLowercase && !/[a-z]/.test(password)) throw refuse('Password must have lowercase characters');
  if (rules.RequireUppercase && !/[A-Z]/.test(password)) throw refuse('Password must have uppercase characters');
  if (rules.RequireNumbers && !/[0-9]/.test(password)) throw refuse('Password must have numeric characters');
  if (rules.RequireSymbols && !SYMBOLS.test(password)) throw refuse('Password must have symbol characters');
}
