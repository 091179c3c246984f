import { field } from '@shared/event-shape';
import type { OnboardingDependencies } from '@shared/onboarding/onboarding';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import type { PostAuthenticationConfig } from './config';

/** The PostAuthentication trigger: its source, and the request fields its steps read. */
export const POST_AUTHENTICATION: TriggerDefinition<PostAuthenticationTriggerEvent, 'PostAuthentication'> = {
  trigger: 'PostAuthentication',
  sources: ['PostAuthentication_Authentication'],
  requestFields: { userAttributes: field.stringMap },
};

/** The stores and clients the PostAuthentication steps use (those of the onboarding); tests pass their own. */
export type PostAuthenticationDependencies = OnboardingDependencies;

/** What each PostAuthentication step receives. */
export type PostAuthenticationContext = StepContext<PostAuthenticationTriggerEvent, PostAuthenticationConfig> &
  PostAuthenticationDependencies;
