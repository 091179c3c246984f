import { type ChallengeStep, MAX_WRONG_ANSWERS, stepOf } from '@shared/custom-auth/sign-in-method';
import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';

/** A round of the session so far. */
type Round = DefineAuthChallengeTriggerEvent['request']['session'][number];

/** What DefineAuthChallenge answers: tokens, the end of the sign-in, or one more custom challenge. */
export type Decision = 'issue-tokens' | 'fail' | 'next-challenge';

/** The step of `round` when it is one of this flow's custom challenges, else undefined. */
function customStep(round: Round): ChallengeStep | undefined {
  return round.challengeName === 'CUSTOM_CHALLENGE' ? stepOf(round.challengeMetadata) : undefined;
}

/**
 * The next move of a passwordless sign-in, decided from Cognito's record of the rounds alone (ClientMetadata is the
 * app's word and never opens a door here):
 *
 * - no round yet: the first challenge, which asks for the method;
 * - the first round is always `choose_method`; its result is true only for a valid magic link, which signs in;
 *   false means the app asked for a code or a link, so the next challenge asks for it;
 * - every later round is `email_code` or `magic_link`: a correct answer signs in, a wrong one asks again, and the
 *   {@link MAX_WRONG_ANSWERS}th wrong answer ends the sign-in;
 * - anything else (SRP or password rounds, rounds this flow did not create, a method round after the first): the end.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 */
export function decide(session: readonly Round[]): Decision {
  const steps = session.map(customStep);
  if (steps.length === 0) return 'next-challenge';
  if (steps[0] !== 'choose_method' || steps.slice(1).some((step) => step === undefined || step === 'choose_method')) {
    return 'fail';
  }
  const last = session[session.length - 1] as Round;
  if (last.challengeResult) return 'issue-tokens';
  const wrongAnswers = session.slice(1).filter((round) => !round.challengeResult).length;
  return wrongAnswers >= MAX_WRONG_ANSWERS ? 'fail' : 'next-challenge';
}
