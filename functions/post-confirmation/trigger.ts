import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { StepContext } from '../../shared/steps';
import type { TriggerDefinition } from '../../shared/trigger';
import type { PostConfirmationConfig } from './config';

/** The PostConfirmation trigger: its sources, and the request fields its steps read. */
export const POST_CONFIRMATION: TriggerDefinition<PostConfirmationTriggerEvent> = {
  trigger: 'PostConfirmation',
  sources: ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'],
  requestFields: { userAttributes: 'object' },
};

/** What each PostConfirmation step receives. */
export type PostConfirmationContext = StepContext<PostConfirmationTriggerEvent, PostConfirmationConfig>;
