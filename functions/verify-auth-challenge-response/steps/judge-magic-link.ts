import type { Step } from '@shared/steps';
import { checkMagicLink } from '../answers';
import type { VerifyAuthChallengeResponseContext } from '../trigger';

/**
 * The answer to a magic-link round: the link's token, pasted into the app that asked for it (the link itself opens a
 * sign-in of its own). Checked as a link is; see `checkMagicLink`.
 */
export const judgeMagicLink: Step<VerifyAuthChallengeResponseContext> = {
  name: 'judge-magic-link',
  enabled: (config) => config.customAuthMethods.includes('magic_link'),
  async run(context) {
    const challenge = context.event.request.privateChallengeParameters;
    if (challenge['step'] !== 'magic_link') return;
    context.event.response.answerCorrect = await checkMagicLink(
      context,
      context.event.request.challengeAnswer,
      challenge['challengeId'] ?? '',
    );
  },
};
