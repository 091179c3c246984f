import { MAX_WRONG_ANSWERS } from '@shared/custom-auth/sign-in-method';
import type { Step } from '@shared/steps';
import { challengeRound } from '../challenge-round';
import { deliverChallenge } from '../delivery';
import type { CreateAuthChallengeContext } from '../trigger';

/**
 * A round of the email code: emails the sign-in's code (a new one, or its current one again after a wrong answer or
 * when Cognito retries the round; see `deliverChallenge`) and asks for it. The public parameters give the code's length and
 * the attempts left; the private ones hold the code and its expiry, from which verifyAuthChallengeResponse judges
 * the answer without any call.
 */
export const sendSignInCode: Step<CreateAuthChallengeContext> = {
  name: 'send-sign-in-code',
  enabled: (config) => config.customAuthMethods.includes('email_code'),
  async run(context) {
    const round = challengeRound(context);
    if (round.step !== 'email_code') return;
    const { event, config } = context;
    const { issue, decoy } = await deliverChallenge(context, 'email_code', round.signInId);
    event.response.publicChallengeParameters = {
      step: 'email_code',
      codeLength: String(config.signInCodeLength),
      attemptsLeft: String(MAX_WRONG_ANSWERS - round.wrongAnswers),
    };
    event.response.privateChallengeParameters = {
      step: 'email_code',
      code: issue.secret,
      expiresAt: String(issue.expiresAt),
      ...(decoy ? { decoy: 'true' } : {}),
    };
    event.response.challengeMetadata = 'email_code';
  },
};
