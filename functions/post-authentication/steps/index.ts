import type { Step } from '@shared/steps';
import type { PostAuthenticationContext } from '../trigger';
import { createProfile } from './create-profile';
import { finishOnboarding } from './finish-onboarding';
import { recordSignIn } from './record-sign-in';
import { sendWelcomeEmail } from './send-welcome-email';

/**
 * The PostAuthentication flow: its steps, in the order they run. Add a rule as a step file and a line here.
 * The onboarding steps do nothing for a user the event shows onboarded (`custom:onboarded`), so an ordinary
 * sign-in reads and writes nothing unless `RECORD_LAST_SIGN_IN` asks for its one write.
 */
export const POST_AUTHENTICATION_STEPS: readonly Step<PostAuthenticationContext>[] = [
  createProfile,
  finishOnboarding,
  sendWelcomeEmail,
  recordSignIn,
];
