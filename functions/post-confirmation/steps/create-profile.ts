import type { Step } from '@shared/steps';
import { newProfile } from '../profile';
import type { PostConfirmationContext } from '../trigger';

/**
 * Creates the new user's profile, keyed by `sub`, and marks the welcome email due. The write is conditional, so
 * a retried or concurrent duplicate event finds the profile and leaves it as it is. A failed write fails the
 * invocation with a generic message (a `DependencyError`); retrying it is safe.
 */
export const createProfile: Step<PostConfirmationContext> = {
  name: 'create-profile',
  sources: ['PostConfirmation_ConfirmSignUp'],
  async run({ event, profiles, now, logger, signal }) {
    const result = await profiles.create(newProfile(event, now()), ['welcomeEmail'], signal);
    logger.info(result === 'created' ? 'Profile created' : 'Profile already exists; left unchanged');
  },
};
