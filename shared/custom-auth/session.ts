import { field } from '../event-shape';

/**
 * One round of a custom sign-in so far, as Cognito reports it to DefineAuthChallenge and CreateAuthChallenge.
 * `challengeMetadata` is what CreateAuthChallenge named the round; Cognito sends `null` or leaves it out when it
 * named none.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 */
export const SESSION_ROUND = field.objectOf({
  challengeName: field.string,
  challengeResult: field.boolean,
  challengeMetadata: field.optional(field.nullable(field.string)),
});

/** The request fields of the challenge triggers' events that hold the app's and Cognito's word about the user. */
export const CHALLENGE_REQUEST_FIELDS = {
  userAttributes: field.stringMap,
  clientMetadata: field.optional(field.nullable(field.stringMap)),
  userNotFound: field.optional(field.boolean),
} as const;
