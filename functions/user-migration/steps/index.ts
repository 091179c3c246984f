import type { Step } from '../../../shared/steps';
import type { UserMigrationContext } from '../trigger';

/** The UserMigration flow: its steps, in the order they run. Add a rule as a step file and a line here. */
export const USER_MIGRATION_STEPS: readonly Step<UserMigrationContext>[] = [];
