import type { Step } from '@shared/steps';
import type { UserMigrationContext } from '../trigger';
import { findLegacyUser } from './find-legacy-user';
import { markLegacyUserMigrated } from './mark-legacy-user-migrated';
import { refuseInactiveLegacyUser } from './refuse-inactive-legacy-user';
import { returnMigratedUser } from './return-migrated-user';
import { verifyLegacyPassword } from './verify-legacy-password';

/** The UserMigration flow: its steps, in the order they run. Add a rule as a step file and a line here. */
export const USER_MIGRATION_STEPS: readonly Step<UserMigrationContext>[] = [
  findLegacyUser,
  verifyLegacyPassword,
  refuseInactiveLegacyUser,
  returnMigratedUser,
  markLegacyUserMigrated,
];
