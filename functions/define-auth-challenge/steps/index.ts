import type { Step } from '@shared/steps';
import type { DefineAuthChallengeContext } from '../trigger';
import { decideNextRound } from './decide-next-round';
import { refuseWhenOff } from './refuse-when-off';

/** The DefineAuthChallenge flow: its steps, in the order they run (each is switched by `CUSTOM_AUTH_METHODS`). */
export const DEFINE_AUTH_CHALLENGE_STEPS: readonly Step<DefineAuthChallengeContext>[] = [
  refuseWhenOff,
  decideNextRound,
];
