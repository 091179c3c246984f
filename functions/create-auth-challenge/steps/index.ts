import type { Step } from '@shared/steps';
import type { CreateAuthChallengeContext } from '../trigger';
import { askForMethod } from './ask-for-method';
import { sendMagicLink } from './send-magic-link';
import { sendSignInCode } from './send-sign-in-code';

/**
 * The CreateAuthChallenge flow: its steps, in the order they run. Each creates one kind of round and leaves the
 * others alone; the session decides which (see `challengeRound`).
 */
export const CREATE_AUTH_CHALLENGE_STEPS: readonly Step<CreateAuthChallengeContext>[] = [
  askForMethod,
  sendSignInCode,
  sendMagicLink,
];
