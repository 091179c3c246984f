import { finishOnboarding as finish } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostAuthenticationContext } from '../trigger';

/**
 * Adds a user being onboarded to the default groups and then marks them onboarded (see `finishOnboarding`), so
 * their later sign-ins cost nothing. Runs alongside the welcome email. The groups reach the tokens from the next
 * sign-in or token refresh: Cognito has read them for this sign-in already.
 */
export const finishOnboarding: Step<PostAuthenticationContext> = {
  name: 'finish-onboarding',
  concurrent: true,
  run: finish,
};
