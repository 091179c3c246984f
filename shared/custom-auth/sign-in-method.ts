/**
 * The contract between an app and the three custom authentication triggers (defineAuthChallenge,
 * createAuthChallenge, verifyAuthChallengeResponse): the sign-in methods, the steps of a sign-in, and the names
 * the challenges and answers use. docs/flows/custom-auth.md describes it for app developers.
 *
 * Every round of a sign-in is a `CUSTOM_CHALLENGE` whose step is its `challengeMetadata`, its public parameter
 * `step` and its private parameter `step`: `choose_method` first, then `email_code` or `magic_link`. The first
 * round's `challengeMetadata` also names the sign-in, `choose_method:<id>` with a random id, which Cognito reports in
 * the session of every later round: what ties a code or link to the one sign-in it was issued for. Cognito passes
 * InitiateAuth's ClientMetadata to none of these triggers, so the app names its method in RespondToAuthChallenge's
 * `ClientMetadata.signInMethod` when it answers `choose_method`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
 */

/** The passwordless sign-in methods: a one-time code by email, a link by email. */
export const SIGN_IN_METHODS = ['email_code', 'magic_link'] as const;

/** One of {@link SIGN_IN_METHODS}. */
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The steps of a sign-in: the first round asks for a method, the next ones for its proof. */
export type ChallengeStep = 'choose_method' | SignInMethod;

/** The key of RespondToAuthChallenge's `ClientMetadata` that names the method. */
export const SIGN_IN_METHOD_KEY = 'signInMethod';

/** Wrong answers that end a sign-in, as Cognito's own code challenges do. */
export const MAX_WRONG_ANSWERS = 3;

/** Whether `value` names a sign-in method. */
export function isSignInMethod(value: unknown): value is SignInMethod {
  return (SIGN_IN_METHODS as readonly unknown[]).includes(value);
}

/** How the first round's `challengeMetadata` begins; the sign-in's id follows. */
const METHOD_QUESTION_PREFIX = 'choose_method:';
/** A sign-in's id: a random UUID, drawn by the first round. */
const SIGN_IN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The `challengeMetadata` of the first round of sign-in `signInId`. */
export function methodQuestionMetadata(signInId: string): string {
  return `${METHOD_QUESTION_PREFIX}${signInId}`;
}

/** The sign-in's id from its first round's `challengeMetadata`; undefined when it names none. */
export function signInIdOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'string' || !metadata.startsWith(METHOD_QUESTION_PREFIX)) return undefined;
  const id = metadata.slice(METHOD_QUESTION_PREFIX.length);
  return SIGN_IN_ID.test(id) ? id : undefined;
}

/**
 * The step of a round, from its `challengeMetadata`: `choose_method` for a first round that names its sign-in, a
 * method for the rounds after it; undefined for anything else.
 */
export function stepOf(metadata: unknown): ChallengeStep | undefined {
  if (signInIdOf(metadata) !== undefined) return 'choose_method';
  return isSignInMethod(metadata) ? metadata : undefined;
}
