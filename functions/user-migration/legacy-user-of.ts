import type { LegacyUser } from './legacy-user-store';
import type { UserMigrationContext } from './trigger';

/**
 * The legacy account found by `find-legacy-user`, for a step that only runs once an account was found and
 * accepted. Throws (an internal error, masked for users) when the step list was ordered wrongly.
 */
export function legacyUserOf(context: UserMigrationContext, step: string): LegacyUser {
  if (context.legacyUser === undefined) {
    throw new Error(`Step "${step}" needs an accepted legacy user; run find-legacy-user and its checks before it.`);
  }
  return context.legacyUser;
}
