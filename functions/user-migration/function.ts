import { defineFunction } from '@resources/service/function-declaration';
import { USER_MIGRATION } from './trigger';

/** The userMigration function: moves users from the legacy store on first sign-in or password reset. */
export const USER_MIGRATION_FUNCTION = defineFunction({
  name: 'userMigration',
  description: 'Moves users from the legacy store on first sign-in or password reset',
  trigger: USER_MIGRATION,
  parameters: ['legacyHashFormat', 'legacyDummyHash'],
  tables: {
    legacyUsers: {
      actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      why: 'Find the legacy account, and mark it migrated.',
    },
  },
  metrics: ['UsersMigrated', 'MigrationsRefused', 'MigrationStoreDown'],
  // Password hashing is CPU-bound; Lambda gives CPU in proportion to memory.
  memorySize: 1024,
  bundleBudgetBytes: 751_000,
});
