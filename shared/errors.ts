import { COMMON_TEXTS } from './messages/common';
import { FALLBACK_LANGUAGE, type Language, type LocalisedText } from './messages/languages';
import { renderText } from './templates/engine';

/**
 * The project's error hierarchy. Cognito shows a trigger's error message to the end user verbatim
 * (`UserLambdaValidationException: PreSignUp failed with error <message>.`), so only errors written
 * for that purpose may carry their message out of a handler; everything else is masked.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */

/** The message shown to end users when a trigger fails for a reason they cannot act on, in `language`. */
export function genericFailureMessage(language: Language): string {
  return renderText(COMMON_TEXTS['generic-failure'][language], {});
}

/** The generic failure message in English, the fallback language, as the failure policy quotes it. */
export const GENERIC_FAILURE_MESSAGE = genericFailureMessage(FALLBACK_LANGUAGE);

/** A class, for {@link nameClasses}. */
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * Gives each class of `classes` the name it has there. The bundles are minified without keeping names
 * (serverless.yml), so a class's own name is not the one in its source; an error's name is its class's, and logs,
 * Lambda's `errorType` and `serverless invoke local` show it.
 */
export function nameClasses(classes: Readonly<Record<string, AnyClass>>): void {
  for (const [name, named] of Object.entries(classes)) Object.defineProperty(named, 'name', { value: name });
}

/** Base class of every error the project throws on purpose; each is named with {@link nameClasses}. */
export abstract class CognitoFlowsError extends Error {
  /** Whether the message may be shown to an end user as it is. */
  abstract readonly userFacing: boolean;
  /** The step of the flow the error came from, set by the steps runner; absent for an error outside the steps. */
  declare step?: string;

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

/** The values a refusal prints, by the name its templates give them (`domain` for `<%= it.domain %>`). */
export type RefusalValues = Readonly<Record<string, string>>;

/**
 * A deliberate rejection written in the message catalog. Its message is the English text, which logs show; the
 * user reads it in their language ({@link Refusal.inLanguage}), which error masking puts in its place.
 */
export class Refusal extends UserFacingError {
  readonly #text: LocalisedText;
  readonly #values: RefusalValues;

  constructor(text: LocalisedText, values: RefusalValues = {}) {
    super(renderText(text[FALLBACK_LANGUAGE], values));
    this.#text = text;
    this.#values = values;
  }

  /** The refusal as a user who reads `language` is shown it. */
  inLanguage(language: Language): string {
    return renderText(this.#text[language], this.#values);
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

/** A service the flows call, as failures name it (the `Dependency` of the `Failed` metric). */
export type Dependency = 'Cognito' | 'DynamoDB' | 'SES' | 'SecretsManager';

/** A dependency (DynamoDB, SES, the Cognito API) failed; the cause holds the original error. */
export class DependencyError extends CognitoFlowsError {
  readonly userFacing = false;
  /** The service that failed. */
  readonly dependency: Dependency;

  constructor(message: string, options: { cause: unknown; dependency: Dependency }) {
    super(message, options);
    this.dependency = options.dependency;
  }
}

nameClasses({ UserFacingError, Refusal, InvalidEventError, ConfigError, DependencyError });

/** Whether an error's message may reach the end user unchanged. */
export function isUserFacing(error: unknown): error is CognitoFlowsError {
  return error instanceof CognitoFlowsError && error.userFacing;
}
