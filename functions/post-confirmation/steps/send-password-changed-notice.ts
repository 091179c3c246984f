import type { Step } from '@shared/steps';
import { deliverOnce } from '../email-delivery';
import type { PostConfirmationContext } from '../trigger';

/**
 * Tells the user their password was changed, once per recorded change, so that someone who did not make the
 * change can react; switched off with `PASSWORD_CHANGED_NOTICE=false`. See {@link deliverOnce} for how duplicates
 * and failures are handled.
 */
export const sendPasswordChangedNotice: Step<PostConfirmationContext> = {
  name: 'send-password-changed-notice',
  sources: ['PostConfirmation_ConfirmForgotPassword'],
  enabled: (config) => config.passwordChangedNotice,
  run: (context) => deliverOnce(context, 'passwordNotice'),
};
