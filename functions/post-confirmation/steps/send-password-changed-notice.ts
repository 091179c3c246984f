import { sendDueEmail } from '@shared/onboarding/onboarding';
import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Tells the user their password was changed, once per recorded change, so that someone who did not make the
 * change can react; switched off with `PASSWORD_CHANGED_NOTICE=false`. When SES cannot take it now, the outbox
 * sends it (see `deliverDueEmail`).
 */
export const sendPasswordChangedNotice: Step<PostConfirmationContext> = {
  name: 'send-password-changed-notice',
  sources: ['PostConfirmation_ConfirmForgotPassword'],
  enabled: (config) => config.passwordChangedNotice,
  run: (context) => sendDueEmail(context, 'passwordNotice'),
};
