import type { Step } from '@shared/steps';
import { fromLegacyStore } from '../legacy-store-call';
import { legacyUserOf } from '../legacy-user-of';
import type { UserMigrationContext } from '../trigger';

/**
 * Records in the legacy store when the account moved into the user pool. The first time is kept: a retried or
 * concurrent invocation finds the mark already set and goes on, because Cognito may not have created the user
 * the first time (a timeout) and must be answered again.
 */
export const markLegacyUserMigrated: Step<UserMigrationContext> = {
  name: 'mark-legacy-user-migrated',
  async run(context) {
    const user = legacyUserOf(context, 'mark-legacy-user-migrated');
    const outcome = await fromLegacyStore(context, () =>
      context.legacyUsers.markMigrated(user.username, context.now(), context.signal),
    );
    context.metrics.count('UsersMigrated');
    context.logger.info('Legacy user migrated', { outcome });
  },
};
