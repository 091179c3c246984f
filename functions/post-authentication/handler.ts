import { createFlowHandler } from '@shared/handler';
import { defaultOnboardingDependencies } from '@shared/onboarding/dependencies';
import { loadPostAuthenticationConfig, type PostAuthenticationConfig } from './config';
import { POST_AUTHENTICATION_STEPS } from './steps';
import { POST_AUTHENTICATION, type PostAuthenticationDependencies } from './trigger';

/**
 * The dependencies of the deployed function: the profiles table, the Cognito admin API and SES, each client
 * created on first use (an ordinary sign-in loads none of them), and the system clock.
 */
export function defaultPostAuthenticationDependencies(
  config: PostAuthenticationConfig,
): PostAuthenticationDependencies {
  return defaultOnboardingDependencies(config.userProfilesTable);
}

/**
 * Builds the postAuthentication handler over `config` and `dependencies` (tests pass their own).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html
 */
export function createPostAuthenticationHandler(
  config: PostAuthenticationConfig,
  dependencies: PostAuthenticationDependencies = defaultPostAuthenticationDependencies(config),
) {
  return createFlowHandler(POST_AUTHENTICATION, POST_AUTHENTICATION_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPostAuthenticationHandler(loadPostAuthenticationConfig(process.env));
