import { field } from '@shared/event-shape';
import type { Mailer } from '@shared/mailer';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { PostConfirmationConfig } from './config';
import type { GroupMembership } from './group-membership';
import type { ProfileStore } from './profile-store';

/** The PostConfirmation trigger: its sources, and the request fields its steps read. */
export const POST_CONFIRMATION: TriggerDefinition<PostConfirmationTriggerEvent, 'PostConfirmation'> = {
  trigger: 'PostConfirmation',
  sources: ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'],
  requestFields: { userAttributes: field.stringMap },
};

/** The stores and clients the PostConfirmation steps use; tests pass their own. */
export interface PostConfirmationDependencies {
  readonly profiles: ProfileStore;
  readonly groups: GroupMembership;
  readonly mailer: Mailer;
  /** The current time. */
  now(): Date;
}

/** What each PostConfirmation step receives. */
export type PostConfirmationContext = StepContext<PostConfirmationTriggerEvent, PostConfirmationConfig> &
  PostConfirmationDependencies;
