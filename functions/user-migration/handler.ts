import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { createFlowHandler } from '@shared/handler';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { loadUserMigrationConfig, type UserMigrationConfig } from './config';
import { createDynamoDbLegacyUserStore } from './dynamodb-legacy-user-store';
import { USER_MIGRATION_STEPS } from './steps';
import { USER_MIGRATION, type UserMigrationDependencies, type UserMigrationState } from './trigger';

/**
 * The dependencies of the deployed function: the DynamoDB legacy store (its client created on first use) and the
 * system clock.
 */
export function defaultUserMigrationDependencies(config: UserMigrationConfig): UserMigrationDependencies {
  return {
    legacyUsers: createDynamoDbLegacyUserStore(dynamoDbClient, config.legacyUsersTable),
    now: () => new Date(),
  };
}

/**
 * Builds the userMigration handler over `config` and `dependencies` (the DynamoDB store by default; pass another
 * `LegacyUserStore` implementation to migrate from elsewhere).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export function createUserMigrationHandler(
  config: UserMigrationConfig,
  dependencies: UserMigrationDependencies = defaultUserMigrationDependencies(config),
) {
  return createFlowHandler<
    UserMigrationTriggerEvent,
    UserMigrationConfig,
    UserMigrationDependencies & UserMigrationState
  >(USER_MIGRATION, USER_MIGRATION_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createUserMigrationHandler(loadUserMigrationConfig(process.env));
