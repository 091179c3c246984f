import type { Step } from '@shared/steps';
import type { VerifyAuthChallengeResponseContext } from '../trigger';

/**
 * Starts from a wrong answer, so that a challenge none of the later steps recognises (one this flow did not create)
 * never signs anyone in.
 */
export const assumeWrongAnswer: Step<VerifyAuthChallengeResponseContext> = {
  name: 'assume-wrong-answer',
  run({ event }) {
    event.response.answerCorrect = false;
  },
};
