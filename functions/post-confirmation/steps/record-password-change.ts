import type { Step } from '@shared/steps';
import { newProfile } from '../profile';
import type { PostConfirmationContext } from '../trigger';

/**
 * Records `passwordChangedAt` on the user's profile after a password reset, creating the profile for users who
 * have none (created or migrated before this trigger existed), and marks the password-changed notice due. The
 * event carries no id, so a change recorded less than `PASSWORD_CHANGE_DEDUPE_SECONDS` ago makes this one a
 * duplicate delivery: nothing changes, and the notice stays owed for the recorded change only. A failed write
 * fails the invocation with a generic message (a `DependencyError`); retrying it is safe.
 */
export const recordPasswordChange: Step<PostConfirmationContext> = {
  name: 'record-password-change',
  sources: ['PostConfirmation_ConfirmForgotPassword'],
  async run({ event, config, profiles, now, logger, signal }) {
    const at = now();
    const duplicateAfter = new Date(at.getTime() - config.passwordChangeDedupeSeconds * 1000);
    const change = { at: at.toISOString(), duplicateAfter: duplicateAfter.toISOString() };
    const result = await profiles.recordPasswordChange(newProfile(event, at), change, ['passwordNotice'], signal);
    logger.info(
      result === 'recorded' ? 'Password change recorded' : 'Password change already recorded; duplicate delivery',
    );
  },
};
