import type { UserMigrationTriggerEvent } from 'aws-lambda';
import type { StepContext } from '../../shared/steps';
import type { TriggerDefinition } from '../../shared/trigger';
import type { UserMigrationConfig } from './config';

/** The UserMigration trigger: its sources, and the request fields its steps read. */
export const USER_MIGRATION: TriggerDefinition<UserMigrationTriggerEvent> = {
  trigger: 'UserMigration',
  sources: ['UserMigration_Authentication', 'UserMigration_ForgotPassword'],
  requestFields: {},
};

/** What each UserMigration step receives. */
export type UserMigrationContext = StepContext<UserMigrationTriggerEvent, UserMigrationConfig>;
