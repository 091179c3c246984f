import { field } from '@shared/event-shape';
import type { OnboardingDependencies } from '@shared/onboarding/onboarding';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { PostConfirmationConfig } from './config';

/** The PostConfirmation trigger: its sources, and the request fields its steps read. */
export const POST_CONFIRMATION: TriggerDefinition<PostConfirmationTriggerEvent, 'PostConfirmation'> = {
  trigger: 'PostConfirmation',
  sources: ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'],
  requestFields: { userAttributes: field.stringMap },
};

/** The stores and clients the PostConfirmation steps use (those of the onboarding); tests pass their own. */
export type PostConfirmationDependencies = OnboardingDependencies;

/** What each PostConfirmation step receives. */
export type PostConfirmationContext = StepContext<PostConfirmationTriggerEvent, PostConfirmationConfig> &
  PostConfirmationDependencies;
