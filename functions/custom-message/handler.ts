import { createFlowHandler } from '../../shared/handler';
import { loadCustomMessageConfig, type CustomMessageConfig } from './config';
import { CUSTOM_MESSAGE_STEPS } from './steps';
import { CUSTOM_MESSAGE } from './trigger';

/**
 * Builds the customMessage handler over `config`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function createCustomMessageHandler(config: CustomMessageConfig) {
  return createFlowHandler(CUSTOM_MESSAGE, CUSTOM_MESSAGE_STEPS, config, {});
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createCustomMessageHandler(loadCustomMessageConfig(process.env));
