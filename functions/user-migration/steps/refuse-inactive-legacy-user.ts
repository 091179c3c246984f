import { userMigrationRefusal } from '@shared/messages/user-migration';
import type { Step } from '@shared/steps';
import type { UserMigrationContext } from '../trigger';

/**
 * Refuses the migration when there is no legacy account or it is disabled, with the same message as a wrong
 * password. On sign-in it runs after the password check, so a disabled account costs as much as any other.
 */
export const refuseInactiveLegacyUser: Step<UserMigrationContext> = {
  name: 'refuse-inactive-legacy-user',
  run({ legacyUser, logger, metrics, reject }) {
    if (legacyUser === undefined || legacyUser.status !== 'active') {
      logger.info('Migration refused', { reason: legacyUser === undefined ? 'unknown-user' : 'disabled' });
      metrics.count('MigrationsRefused');
      return reject(userMigrationRefusal('incorrect-credentials'));
    }
  },
};
