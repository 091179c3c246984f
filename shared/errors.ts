/**
 * The project's error hierarchy. Cognito shows a trigger's error message to the end user verbatim
 * (`UserLambdaValidationException: PreSignUp failed with error <message>.`), so only errors written
 * for that purpose may carry their message out of a handler; everything else is masked.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */

/** The message shown to end users when a trigger fails for a reason they cannot act on. */
export const GENERIC_FAILURE_MESSAGE = 'We could not complete your request. Please try again later.';

/** Base class of every error the project throws on purpose. */
export abstract class CognitoFlowsError extends Error {
  /** Whether the message may be shown to an end user as it is. */
  abstract readonly userFacing: boolean;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A deliberate rejection whose message is written for the end user and says what to do,
 * e.g. "Sign-ups from example.org are not allowed. Use your work email address.".
 */
export class UserFacingError extends CognitoFlowsError {
  readonly userFacing = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The event is not one this function can handle: it is not an object, lacks a required field,
 * or comes from another trigger (a wiring mistake). The message names the field or trigger source
 * and never includes event values, so it is safe to return to Cognito.
 */
export class InvalidEventError extends CognitoFlowsError {
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
  }
}

/** A required setting is missing or malformed. Thrown at cold start, naming the variable. */
export class ConfigError extends CognitoFlowsError {
  readonly userFacing = false;

  constructor(message: string) {
    super(message);
  }
}

/** A dependency (DynamoDB, SES, the Cognito API) failed; the cause holds the original error. */
export class DependencyError extends CognitoFlowsError {
  readonly userFacing = false;

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/** Whether an error's message may reach the end user unchanged. */
export function isUserFacing(error: unknown): error is CognitoFlowsError {
  return error instanceof CognitoFlowsError && error.userFacing;
}
