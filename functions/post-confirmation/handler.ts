import { createFlowHandler } from '@shared/handler';
import { defaultOnboardingDependencies } from '@shared/onboarding/dependencies';
import { loadPostConfirmationConfig, type PostConfirmationConfig } from './config';
import { POST_CONFIRMATION_STEPS } from './steps';
import { POST_CONFIRMATION, type PostConfirmationDependencies } from './trigger';

/**
 * The dependencies of the deployed function: the profiles table, the Cognito admin API and SES, each client
 * created on first use, and the system clock.
 */
export function defaultPostConfirmationDependencies(config: PostConfirmationConfig): PostConfirmationDependencies {
  return defaultOnboardingDependencies(config.userProfilesTable);
}

/**
 * Builds the postConfirmation handler over `config` and `dependencies` (tests pass their own).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 */
export function createPostConfirmationHandler(
  config: PostConfirmationConfig,
  dependencies: PostConfirmationDependencies = defaultPostConfirmationDependencies(config),
) {
  return createFlowHandler(POST_CONFIRMATION, POST_CONFIRMATION_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPostConfirmationHandler(loadPostConfirmationConfig(process.env));
