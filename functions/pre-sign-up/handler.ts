import { cognitoClient } from '@shared/aws/cognito-client';
import { createFlowHandler, type TriggerHandler } from '@shared/handler';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { loadPreSignUpConfig, type PreSignUpConfig } from './config';
import { createCognitoNativeUsers } from './native-users';
import { PRE_SIGN_UP_STEPS } from './steps';
import { PRE_SIGN_UP, type PreSignUpDependencies } from './trigger';

/**
 * The dependencies of the deployed function: the pool's users through the container's Cognito client, which is
 * constructed on the first call that needs it (a federated sign-up), never at cold start.
 */
export function defaultPreSignUpDependencies(): PreSignUpDependencies {
  return { nativeUsers: createCognitoNativeUsers(cognitoClient) };
}

/**
 * Builds the preSignUp handler over `config` and `dependencies` (tests pass their own).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export function createPreSignUpHandler(
  config: PreSignUpConfig,
  dependencies: PreSignUpDependencies = defaultPreSignUpDependencies(),
): TriggerHandler<PreSignUpTriggerEvent> {
  return createFlowHandler(PRE_SIGN_UP, PRE_SIGN_UP_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPreSignUpHandler(loadPreSignUpConfig(process.env));
