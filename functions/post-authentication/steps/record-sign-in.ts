import { userSub } from '@shared/onboarding/profile';
import type { Step } from '@shared/steps';
import type { PostAuthenticationContext } from '../trigger';

/**
 * Records the sign-in as `lastSignInAt` on the user's profile, when `RECORD_LAST_SIGN_IN` is on: the one write an
 * ordinary sign-in then makes. A user without a profile gets none from it (the onboarding steps create one). A
 * failure is logged, not thrown: a sign-in is never refused for its bookkeeping.
 */
export const recordSignIn: Step<PostAuthenticationContext> = {
  name: 'record-sign-in',
  enabled: (config) => config.recordLastSignIn,
  async run({ event, profiles, now, logger, signal }) {
    try {
      const result = await profiles.recordSignIn(userSub(event), now().toISOString(), signal);
      logger.info(result === 'recorded' ? 'Sign-in recorded' : 'No profile to record the sign-in on');
    } catch (error) {
      logger.error('Could not record the sign-in', { error });
    }
  },
};
