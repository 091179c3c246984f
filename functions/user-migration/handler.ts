import { createFlowHandler } from '../../shared/handler';
import { loadUserMigrationConfig, type UserMigrationConfig } from './config';
import { USER_MIGRATION_STEPS } from './steps';
import { USER_MIGRATION } from './trigger';

/**
 * Builds the userMigration handler over `config`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export function createUserMigrationHandler(config: UserMigrationConfig) {
  return createFlowHandler(USER_MIGRATION, USER_MIGRATION_STEPS, config, {});
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createUserMigrationHandler(loadUserMigrationConfig(process.env));
