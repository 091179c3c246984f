import type { Step } from '@shared/steps';
import { sameCode } from '../answers';
import type { VerifyAuthChallengeResponseContext } from '../trigger';

/**
 * The answer to an email-code round, judged from the private challenge parameters alone (no call, no SDK): right
 * when it is the code, compared in constant time, before the code's expiry. A decoy round (nobody was sent the
 * code) is never right. A wrong or late answer makes DefineAuthChallenge ask again, and the next round sends a new
 * code once the old one has expired.
 */
export const judgeSignInCode: Step<VerifyAuthChallengeResponseContext> = {
  name: 'judge-sign-in-code',
  enabled: (config) => config.customAuthMethods.includes('email_code'),
  run({ event, now, logger, metrics }) {
    const challenge = event.request.privateChallengeParameters;
    if (challenge['step'] !== 'email_code') return;
    const expired = Number(challenge['expiresAt'] ?? 0) <= now().getTime();
    const right = sameCode(event.request.challengeAnswer, challenge['code'] ?? '');
    event.response.answerCorrect = right && !expired && challenge['decoy'] !== 'true';
    metrics.count(event.response.answerCorrect ? 'SignInCodesRight' : 'SignInCodesWrong');
    if (right && expired) logger.info('Sign-in code answered after its expiry');
  },
};
