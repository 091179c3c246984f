import { MAX_WRONG_ANSWERS } from '@shared/custom-auth/sign-in-method';
import type { Step } from '@shared/steps';
import { challengeRound } from '../challenge-round';
import { deliverChallenge } from '../delivery';
import type { CreateAuthChallengeContext } from '../trigger';

/**
 * A round of the magic link: emails the user a link to the app's page (see `deliverChallenge` for retries and
 * duplicates). The link opens a sign-in of its own there; this round still accepts the link's token as an answer,
 * for an app that lets the user paste it.
 */
export const sendMagicLink: Step<CreateAuthChallengeContext> = {
  name: 'send-magic-link',
  enabled: (config) => config.customAuthMethods.includes('magic_link'),
  async run(context) {
    const round = challengeRound(context);
    if (round.step !== 'magic_link') return;
    const { event } = context;
    const { decoy } = await deliverChallenge(context, 'magic_link', round.signInId);
    event.response.publicChallengeParameters = {
      step: 'magic_link',
      attemptsLeft: String(MAX_WRONG_ANSWERS - round.wrongAnswers),
    };
    event.response.privateChallengeParameters = {
      step: 'magic_link',
      challengeId: round.signInId,
      ...(decoy ? { decoy: 'true' } : {}),
    };
    event.response.challengeMetadata = 'magic_link';
  },
};
