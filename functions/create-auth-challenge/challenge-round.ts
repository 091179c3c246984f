import {
  isSignInMethod,
  SIGN_IN_METHOD_KEY,
  type SignInMethod,
  signInIdOf,
  stepOf,
} from '@shared/custom-auth/sign-in-method';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import type { CreateAuthChallengeContext } from './trigger';

/**
 * The round to create: the method question, or the proof of a method in sign-in `signInId` (the id its first round
 * drew), after `wrongAnswers` wrong answers.
 */
export type ChallengeRound = { step: 'choose_method' } | { step: SignInMethod; signInId: string; wrongAnswers: number };

/**
 * The round DefineAuthChallenge asked for, from the session: with no round yet, the method question; after it, the
 * method the app named in `ClientMetadata.signInMethod` (refused unless switched on); after a method's round, the
 * same method again. DefineAuthChallenge has already ended sign-ins whose rounds are not this flow's, so the first
 * round names the sign-in.
 */
export function challengeRound({ event, config, reject }: CreateAuthChallengeContext): ChallengeRound {
  const { session } = event.request;
  const last = session[session.length - 1];
  if (last === undefined) return { step: 'choose_method' };
  const signInId = signInIdOf(session[0]?.challengeMetadata);
  if (signInId === undefined) throw new Error('The sign-in’s first round names no sign-in.');
  const wrongAnswers = session.slice(1).filter((round) => !round.challengeResult).length;
  const previous = stepOf(last.challengeMetadata);
  if (previous !== undefined && previous !== 'choose_method') {
    return { step: previous, signInId, wrongAnswers };
  }
  const chosen = event.request.clientMetadata?.[SIGN_IN_METHOD_KEY];
  if (!isSignInMethod(chosen) || !config.customAuthMethods.includes(chosen)) {
    return reject(customAuthRefusal('method-unavailable'));
  }
  return { step: chosen, signInId, wrongAnswers };
}
