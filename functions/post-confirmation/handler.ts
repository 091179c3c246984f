import { createFlowHandler } from '../../shared/handler';
import { loadPostConfirmationConfig, type PostConfirmationConfig } from './config';
import { POST_CONFIRMATION_STEPS } from './steps';
import { POST_CONFIRMATION } from './trigger';

/**
 * Builds the postConfirmation handler over `config`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 */
export function createPostConfirmationHandler(config: PostConfirmationConfig) {
  return createFlowHandler(POST_CONFIRMATION, POST_CONFIRMATION_STEPS, config, {});
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPostConfirmationHandler(loadPostConfirmationConfig(process.env));
