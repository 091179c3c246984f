import { sendWelcomeEmail as send } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostAuthenticationContext } from '../trigger';

/**
 * Sends the welcome email of a user being onboarded, once per new profile; when SES cannot take it now, the
 * outbox sends it (see `deliverDueEmail`). Nothing for an onboarded user.
 */
export const sendWelcomeEmail: Step<PostAuthenticationContext> = {
  name: 'send-welcome-email',
  run: send,
};
