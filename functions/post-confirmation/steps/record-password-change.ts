import { canEmail } from '@shared/onboarding/email-delivery';
import { newProfile } from '@shared/onboarding/profile';
import type { EmailDuty } from '@shared/onboarding/profile-store';
import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Records `passwordChangedAt` on the user's profile after a password reset, creating the profile for users who
 * have none, and marks the password-changed notice due (when it is on and there is an address to send it to). The
 * event carries no id, so a change recorded less than `PASSWORD_CHANGE_DEDUPE_SECONDS` ago makes this one a
 * duplicate delivery: nothing changes, and the notice stays owed for the recorded change only. A failed write
 * fails the invocation with a generic message (a `DependencyError`); retrying it is safe.
 */
export const recordPasswordChange: Step<PostConfirmationContext> = {
  name: 'record-password-change',
  sources: ['PostConfirmation_ConfirmForgotPassword'],
  async run({ event, config, profiles, now, logger, remainingTimeMs, signal }) {
    const at = now();
    const duplicateAfter = new Date(at.getTime() - config.passwordChangeDedupeSeconds * 1000);
    const change = { at: at.toISOString(), duplicateAfter: duplicateAfter.toISOString() };
    const owed: EmailDuty[] =
      config.passwordChangedNotice && canEmail(config.email, event.request.userAttributes) ? ['passwordNotice'] : [];
    const outboxAt = new Date(at.getTime() + Math.max(0, remainingTimeMs())).toISOString();
    const result = await profiles.recordPasswordChange(newProfile(event, at), change, owed, outboxAt, signal);
    logger.info(
      result === 'recorded' ? 'Password change recorded' : 'Password change already recorded; duplicate delivery',
    );
  },
};
