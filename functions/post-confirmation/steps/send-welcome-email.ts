import { sendWelcomeEmail as send } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Sends the localised welcome email of a user being onboarded, once per new profile; when SES cannot take it now,
 * the outbox sends it (see `deliverDueEmail`).
 */
export const sendWelcomeEmail: Step<PostConfirmationContext> = {
  name: 'send-welcome-email',
  run: send,
};
