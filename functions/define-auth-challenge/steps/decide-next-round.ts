import type { Step } from '@shared/steps';
import { decide } from '../rounds';
import type { DefineAuthChallengeContext } from '../trigger';

/**
 * Answers Cognito with the next move of the sign-in ({@link decide}): tokens, the end of the sign-in, or another
 * `CUSTOM_CHALLENGE`. Unknown users (`userNotFound`) get the same moves: their answers are never correct, and
 * Cognito issues them no tokens.
 */
export const decideNextRound: Step<DefineAuthChallengeContext> = {
  name: 'decide-next-round',
  enabled: (config) => config.customAuthMethods.length > 0,
  run({ event, logger }) {
    const decision = decide(event.request.session);
    event.response.issueTokens = decision === 'issue-tokens';
    event.response.failAuthentication = decision === 'fail';
    if (decision === 'next-challenge') event.response.challengeName = 'CUSTOM_CHALLENGE';
    logger.info('Sign-in round decided', { decision, rounds: event.request.session.length });
  },
};
