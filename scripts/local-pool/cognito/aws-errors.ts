import { CognitoError } from 'cognito-local/lib/errors';

/**
 * The errors the local pool answers with, named and worded as Amazon Cognito words them, so an app's error
 * handling behaves locally as it does on AWS. Each is a cognito-local `CognitoError`, which the layer's HTTP
 * front serialises as `{"__type": name, "message": message}` with status 400.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export { CognitoError };

/** An error of the Cognito API: its exception name and message. */
export function awsError(name: string, message: string): CognitoError {
  return new CognitoError(name, message);
}

/** A wrong password, or (when the client prevents user existence errors) an unknown user. */
export const incorrectCredentials = (): CognitoError =>
  awsError('NotAuthorizedException', 'Incorrect username or password.');

/** An unknown user where the client does not prevent user existence errors. */
export const userDoesNotExist = (): CognitoError => awsError('UserNotFoundException', 'User does not exist.');

/** A sign-in, refresh or token use by a user an administrator disabled. */
export const userDisabled = (): CognitoError => awsError('NotAuthorizedException', 'User is disabled.');

/** A sign-in by a user who has not confirmed their sign-up yet. */
export const userNotConfirmed = (): CognitoError => awsError('UserNotConfirmedException', 'User is not confirmed.');

/** A sign-in by a user who must reset their password first (`RESET_REQUIRED`). */
export const passwordResetRequired = (): CognitoError =>
  awsError('PasswordResetRequiredException', 'Password reset required for the user');

/** A challenge answer with an unknown or used `Session`, or one for another challenge or app client. */
export const invalidSession = (): CognitoError => awsError('NotAuthorizedException', 'Invalid session for the user.');

/** A challenge answer after its `Session` expired (3 minutes by default). */
export const expiredSession = (): CognitoError =>
  awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** A request Cognito refuses as malformed, with Cognito's `message`. */
export const invalidParameter = (message: string): CognitoError => awsError('InvalidParameterException', message);

/** A request without the required parameter `name`. */
export const missingParameter = (name: string): CognitoError => invalidParameter(`Missing required parameter ${name}`);

/** An auth flow the app client does not allow, e.g. `USER_SRP_AUTH flow not enabled for this client`. */
export const flowNotEnabled = (flow: string): CognitoError =>
  invalidParameter(`${flow} flow not enabled for this client`);

/** A wrong confirmation or password-reset code. */
export const invalidVerificationCode = (): CognitoError =>
  awsError('CodeMismatchException', 'Invalid verification code provided, please try again.');

/** A wrong sign-in code (EMAIL_OTP, MFA). */
export const invalidSignInCode = (): CognitoError =>
  awsError('CodeMismatchException', 'Invalid code or auth state for the user.');

/** An access token of a session that RevokeToken or GlobalSignOut ended. */
export const accessTokenRevoked = (): CognitoError =>
  awsError('NotAuthorizedException', 'Access Token has been revoked');
/** An access token past its `exp`. */
export const accessTokenExpired = (): CognitoError => awsError('NotAuthorizedException', 'Access Token has expired');
/** A token that is not an access token the pool signed, or names an app client the pool does not have. */
export const invalidAccessToken = (): CognitoError => awsError('NotAuthorizedException', 'Invalid Access Token');
/** A refresh token of a session that RevokeToken or GlobalSignOut ended. */
export const refreshTokenRevoked = (): CognitoError =>
  awsError('NotAuthorizedException', 'Refresh Token has been revoked');
/** A refresh token past its validity. */
export const refreshTokenExpired = (): CognitoError => awsError('NotAuthorizedException', 'Refresh Token has expired');
/** A refresh token the pool did not issue, or issued to another app client. */
export const invalidRefreshToken = (): CognitoError => awsError('NotAuthorizedException', 'Invalid Refresh Token');

/** How a trigger's thrown error reaches the caller: `<Trigger> failed with error <message>.` */
export const triggerFailed = (trigger: string, message: string): CognitoError =>
  awsError('UserLambdaValidationException', `${trigger} failed with error ${message}.`);

/** A trigger that could not be invoked or did not answer in time. */
export const triggerUnreachable = (trigger: string, reason: string): CognitoError =>
  awsError('UnexpectedLambdaException', `${trigger} invocation failed due to error ${reason}.`);

/** A trigger whose answer is not the event it was given. */
export const unrecognizableLambdaOutput = (): CognitoError =>
  awsError('InvalidLambdaResponseException', 'Unrecognizable lambda output');

/** cognito-local's wording of an error → Cognito's, for the API actions the layer passes on to cognito-local. */
const REWORDED: Readonly<Record<string, Readonly<Record<string, () => CognitoError>>>> = {
  CodeMismatchException: { 'Incorrect confirmation code': invalidVerificationCode },
  NotAuthorizedException: { 'User not authorized': incorrectCredentials },
  // ChangePassword with a wrong previous password.
  InvalidPasswordException: { 'Invalid password': incorrectCredentials },
  UserNotFoundException: { 'User not found.': userDoesNotExist },
  PasswordResetRequiredException: { 'Password reset required': passwordResetRequired },
};

/** Rewords an error cognito-local raised as Cognito words it; other errors are returned unchanged. */
export function asCognitoWordsIt(error: unknown): unknown {
  if (!(error instanceof CognitoError)) return error;
  return REWORDED[error.code]?.[error.message]?.() ?? error;
}
