import { type CommonConfig, type Env, envReader, readCommonConfig } from '@shared/config';
import { readCustomAuthMethods } from '@shared/custom-auth/config';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';

/** Settings of the defineAuthChallenge function, read from its environment (see serverless.yml). */
export interface DefineAuthChallengeConfig extends CommonConfig {
  /** `CUSTOM_AUTH_METHODS`: the passwordless methods switched on; none fails every custom sign-in. */
  customAuthMethods: readonly SignInMethod[];
}

/**
 * Reads the defineAuthChallenge settings; throws naming the variable that is malformed.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 */
export function loadDefineAuthChallengeConfig(env: Env): DefineAuthChallengeConfig {
  const read = envReader(env);
  return { ...readCommonConfig(read), customAuthMethods: readCustomAuthMethods(read) };
}
