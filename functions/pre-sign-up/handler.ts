import { createFlowHandler } from '../../shared/handler';
import { loadPreSignUpConfig, type PreSignUpConfig } from './config';
import { PRE_SIGN_UP_STEPS } from './steps';
import { PRE_SIGN_UP } from './trigger';

/**
 * Builds the preSignUp handler over `config`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export function createPreSignUpHandler(config: PreSignUpConfig) {
  return createFlowHandler(PRE_SIGN_UP, PRE_SIGN_UP_STEPS, config, {});
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPreSignUpHandler(loadPreSignUpConfig(process.env));
