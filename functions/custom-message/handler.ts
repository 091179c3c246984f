import { createFlowHandler } from '@shared/handler';
import { CUSTOM_MESSAGE_TEMPLATES } from '@shared/messages/custom-message';
import { type CustomMessageConfig, loadCustomMessageConfig } from './config';
import { CUSTOM_MESSAGE_STEPS } from './steps';
import { CUSTOM_MESSAGE, type CustomMessageDependencies } from './trigger';

/** The dependencies of the deployed function: the catalog's templates. */
export function defaultCustomMessageDependencies(): CustomMessageDependencies {
  return { templates: CUSTOM_MESSAGE_TEMPLATES };
}

/**
 * Builds the customMessage handler over `config`, with the catalog's templates unless `dependencies` gives others.
 * The flow calls no AWS service, so this handler loads no AWS SDK module.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function createCustomMessageHandler(
  config: CustomMessageConfig,
  dependencies: CustomMessageDependencies = defaultCustomMessageDependencies(),
) {
  return createFlowHandler(CUSTOM_MESSAGE, CUSTOM_MESSAGE_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createCustomMessageHandler(loadCustomMessageConfig(process.env));
