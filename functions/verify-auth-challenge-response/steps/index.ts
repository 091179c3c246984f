import type { Step } from '@shared/steps';
import type { VerifyAuthChallengeResponseContext } from '../trigger';
import { assumeWrongAnswer } from './assume-wrong-answer';
import { judgeMagicLink } from './judge-magic-link';
import { judgeMethodChoice } from './judge-method-choice';
import { judgeSignInCode } from './judge-sign-in-code';

/**
 * The VerifyAuthChallengeResponse flow: its steps, in the order they run. After the first, each judges one kind of
 * round (the private parameter `step`) and leaves the others alone.
 */
export const VERIFY_AUTH_CHALLENGE_RESPONSE_STEPS: readonly Step<VerifyAuthChallengeResponseContext>[] = [
  assumeWrongAnswer,
  judgeMethodChoice,
  judgeSignInCode,
  judgeMagicLink,
];
