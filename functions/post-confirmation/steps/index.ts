import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';
import { createProfile } from './create-profile';
import { finishOnboarding } from './finish-onboarding';
import { recordPasswordChange } from './record-password-change';
import { sendPasswordChangedNotice } from './send-password-changed-notice';
import { sendWelcomeEmail } from './send-welcome-email';

/**
 * The PostConfirmation flow: its steps, in the order they run. Add a rule as a step file and a line here.
 * The profile steps come first: the email steps send only what the profile records as due, and the user is marked
 * onboarded only once the profile exists.
 */
export const POST_CONFIRMATION_STEPS: readonly Step<PostConfirmationContext>[] = [
  createProfile,
  recordPasswordChange,
  finishOnboarding,
  sendWelcomeEmail,
  sendPasswordChangedNotice,
];
