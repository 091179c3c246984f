import { emailKey } from '@shared/email';
import type { Step } from '@shared/steps';
import { fromLegacyStore } from '../legacy-store-call';
import type { UserMigrationContext } from '../trigger';

/** Longest username looked up; longer ones (beyond any email address) cannot be legacy accounts. */
const MAX_USERNAME_LENGTH = 254;

/**
 * Looks up the legacy account of the name the user signed in with, normalised to the store's key (the
 * lower-cased email), and keeps it in `legacyUser` for the steps after it. A name that cannot be a key (empty
 * or too long) counts as unknown.
 */
export const findLegacyUser: Step<UserMigrationContext> = {
  name: 'find-legacy-user',
  async run(context) {
    const key = emailKey(context.event.userName);
    const usable = key !== '' && key.length <= MAX_USERNAME_LENGTH;
    context.legacyUser = usable
      ? await fromLegacyStore(context, () => context.legacyUsers.find(key, context.signal))
      : undefined;
    context.logger.debug('Looked up legacy user', { found: context.legacyUser !== undefined });
  },
};
