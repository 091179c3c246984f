import { finishOnboarding as finish } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Adds the user to the default groups and then marks them onboarded (see `finishOnboarding`); nothing for a user
 * onboarded already. Runs alongside the email steps, so a slow Cognito API and a slow SES do not add up against
 * Cognito's 5 seconds.
 */
export const finishOnboarding: Step<PostConfirmationContext> = {
  name: 'finish-onboarding',
  concurrent: true,
  run: finish,
};
