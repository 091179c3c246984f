import { createProfile as create } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostAuthenticationContext } from '../trigger';

/**
 * Creates the profile of a user who signs in without having been onboarded — moved in from the legacy system by
 * signing in, invited and now past their new password, federated, or missed by PostConfirmation — with the
 * welcome email due (see `createProfile`). For an onboarded user it reads and writes nothing.
 */
export const createProfile: Step<PostAuthenticationContext> = {
  name: 'create-profile',
  run: create,
};
