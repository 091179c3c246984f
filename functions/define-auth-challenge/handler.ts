import { createFlowHandler } from '@shared/handler';
import { type DefineAuthChallengeConfig, loadDefineAuthChallengeConfig } from './config';
import { DEFINE_AUTH_CHALLENGE_STEPS } from './steps';
import { DEFINE_AUTH_CHALLENGE, type DefineAuthChallengeDependencies } from './trigger';

/** The dependencies of the deployed function: none, as the flow decides from the event alone. */
export function defaultDefineAuthChallengeDependencies(): DefineAuthChallengeDependencies {
  return {};
}

/**
 * Builds the defineAuthChallenge handler over `config`. The flow decides from the event alone, so this handler
 * loads no AWS SDK module.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 */
export function createDefineAuthChallengeHandler(
  config: DefineAuthChallengeConfig,
  dependencies: DefineAuthChallengeDependencies = defaultDefineAuthChallengeDependencies(),
) {
  return createFlowHandler(DEFINE_AUTH_CHALLENGE, DEFINE_AUTH_CHALLENGE_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createDefineAuthChallengeHandler(loadDefineAuthChallengeConfig(process.env));
