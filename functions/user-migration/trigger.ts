import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import type { UserMigrationConfig } from './config';
import type { LegacyUser, LegacyUserStore } from './legacy-user-store';

/**
 * The UserMigration trigger: its sources, and the request fields its steps read. `request.password` is only
 * sent for `UserMigration_Authentication`, so the step that needs it checks it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export const USER_MIGRATION: TriggerDefinition<UserMigrationTriggerEvent, 'UserMigration'> = {
  trigger: 'UserMigration',
  sources: ['UserMigration_Authentication', 'UserMigration_ForgotPassword'],
  requestFields: {},
};

/** The stores and clients the UserMigration steps use; tests pass their own. */
export interface UserMigrationDependencies {
  readonly legacyUsers: LegacyUserStore;
  /** The current time, for the migration timestamp. */
  now(): Date;
}

/**
 * What the steps of one invocation learn and pass on. The step context is a new object for every invocation,
 * so these fields start empty each time.
 */
export interface UserMigrationState {
  /** The legacy account of `event.userName`, once `find-legacy-user` ran and found one. */
  legacyUser?: LegacyUser;
}

/** What each UserMigration step receives. */
export type UserMigrationContext = StepContext<UserMigrationTriggerEvent, UserMigrationConfig> &
  UserMigrationDependencies &
  UserMigrationState;
