import { InvalidEventError } from '@shared/errors';
import { userMigrationRefusal } from '@shared/messages/user-migration';
import type { Step } from '@shared/steps';
import { verifyPassword } from '../password/verify-password';
import { USER_MIGRATION, type UserMigrationContext } from '../trigger';

/**
 * Checks the password the user signed in with against the legacy account's hash, and refuses the sign-in unless
 * it matches. Unknown users are checked against the configured dummy hash, and a stored hash that cannot be used
 * is refused (its format and the reason logged) and followed by the same dummy check, so every refusal costs
 * about as much as a real check. The password is never logged.
 */
export const verifyLegacyPassword: Step<UserMigrationContext> = {
  name: 'verify-legacy-password',
  sources: ['UserMigration_Authentication'],
  async run({ event, config, legacyUser, logger, metrics, reject }) {
    // Cognito omits the key entirely when no password was sent; the event types claim it is always a string.
    const password: unknown = event.request.password;
    if (typeof password !== 'string') {
      throw new InvalidEventError(`Invalid ${USER_MIGRATION.trigger} event: request.password must be a string.`);
    }
    const check = legacyUser === undefined ? undefined : await verifyPassword(password, legacyUser.passwordHash);
    if (check?.outcome === 'refused') {
      logger.warn('Legacy password hash refused', { format: check.format, reason: check.reason });
    }
    if (check === undefined || check.outcome === 'refused') {
      const dummy = await verifyPassword(password, config.legacyDummyHash);
      logger.debug('Checked password against the dummy hash', { format: dummy.format });
    }
    if (check?.outcome !== 'match') {
      logger.info('Migration refused', { reason: legacyUser === undefined ? 'unknown-user' : 'password' });
      metrics.count('MigrationsRefused');
      return reject(userMigrationRefusal('incorrect-credentials'));
    }
    logger.debug('Password matched the legacy hash', { format: check.format });
  },
};
