import type { Step } from '@shared/steps';
import { deliverOnce } from '../email-delivery';
import type { PostConfirmationContext } from '../trigger';

/**
 * Sends the localised welcome email once per new profile; never after a password reset. See {@link deliverOnce}
 * for how duplicates and failures are handled.
 */
export const sendWelcomeEmail: Step<PostConfirmationContext> = {
  name: 'send-welcome-email',
  sources: ['PostConfirmation_ConfirmSignUp'],
  run: (context) => deliverOnce(context, 'welcomeEmail'),
};
