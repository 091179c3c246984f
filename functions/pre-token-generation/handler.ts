import { createFlowHandler } from '@shared/handler';
import { loadPreTokenGenerationConfig, type PreTokenGenerationConfig } from './config';
import { PRE_TOKEN_GENERATION_STEPS } from './steps';
import { PRE_TOKEN_GENERATION, type PreTokenGenerationDependencies } from './trigger';

/** The dependencies of the deployed function: none, as every step works on the event and the configuration. */
export function defaultPreTokenGenerationDependencies(): PreTokenGenerationDependencies {
  return {};
}

/**
 * Builds the preTokenGeneration handler over `config`. It runs on every sign-in and every refresh, so its flow
 * calls no AWS service and loads no AWS SDK module: its cold start is a bare handler's plus middy.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export function createPreTokenGenerationHandler(
  config: PreTokenGenerationConfig,
  dependencies: PreTokenGenerationDependencies = defaultPreTokenGenerationDependencies(),
) {
  return createFlowHandler(PRE_TOKEN_GENERATION, PRE_TOKEN_GENERATION_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPreTokenGenerationHandler(loadPreTokenGenerationConfig(process.env));
