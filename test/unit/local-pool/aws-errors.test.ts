import { asCognitoWordsIt, CognitoError, triggerFailed } from '@scripts/local-pool/cognito/aws-errors';
import {
  CodeMismatchError,
  InvalidPasswordError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  UserNotFoundError,
  UsernameExistsError,
} from 'cognito-local/lib/errors';

/** An error as the Cognito API serialises it: its exception name and message. */
function wording(error: unknown): { name: string; message: string } {
  if (!(error instanceof CognitoError)) throw new Error('Expected a Cognito error.');
  return { name: error.code, message: error.message };
}

describe('asCognitoWordsIt', () => {
  it.each([
    [
      'a wrong confirmation code',
      new CodeMismatchError(),
      { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' },
    ],
    [
      'a refused sign-in',
      new NotAuthorizedError(),
      { name: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    ],
    [
      'a wrong previous password (ChangePassword)',
      new InvalidPasswordError(),
      { name: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    ],
    ['an unknown user', new UserNotFoundError(), { name: 'UserNotFoundException', message: 'User does not exist.' }],
    [
      'a user who must reset their password',
      new PasswordResetRequiredError(),
      { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' },
    ],
  ])('rewords cognito-local’s error for %s as Cognito words it', (_case, error, expected) => {
    expect(wording(asCognitoWordsIt(error))).toEqual(expected);
  });

  it('passes on an error cognito-local already words as Cognito does, and one with another message', () => {
    const exists = new UsernameExistsError();
    const otherMessage = new NotAuthorizedError('Access Token has been revoked');

    expect(asCognitoWordsIt(exists)).toBe(exists);
    expect(asCognitoWordsIt(otherMessage)).toBe(otherMessage);
  });

  it('passes on what is not a Cognito error', () => {
    const failure = new TypeError('Cannot read properties of undefined');

    expect(asCognitoWordsIt(failure)).toBe(failure);
    expect(asCognitoWordsIt('text')).toBe('text');
  });
});

describe('triggerFailed', () => {
  it('words a trigger failure with Cognito’s prefix', () => {
    expect(wording(triggerFailed('PreSignUp', 'Sign-ups from denied.example are not allowed.'))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Sign-ups from denied.example are not allowed..',
    });
  });
});
