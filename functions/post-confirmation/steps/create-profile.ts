import { createProfile as create } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Creates the profile of a user being onboarded, with the welcome email due (see `createProfile`). Runs after a
 * password reset too: a user who moved in from the legacy system by resetting their password
 * (`UserMigration_ForgotPassword`) is confirmed by it, and is onboarded here.
 */
export const createProfile: Step<PostConfirmationContext> = {
  name: 'create-profile',
  run: create,
};
