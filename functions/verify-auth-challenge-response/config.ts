import { type CommonConfig, type Env, envReader, readCommonConfig } from '@shared/config';
import { readCustomAuthMethods, readMagicLinkKeyName } from '@shared/custom-auth/config';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';

/** Settings of the verifyAuthChallengeResponse function, read from its environment (see serverless.yml). */
export interface VerifyAuthChallengeResponseConfig extends CommonConfig {
  /** `CUSTOM_AUTH_METHODS`: the passwordless methods switched on. */
  customAuthMethods: readonly SignInMethod[];
  /** `SIGN_IN_CHALLENGES_TABLE`: where used magic links are recorded. */
  signInChallengesTable: string;
  /** `MAGIC_LINK_KEY_NAME`: the secret whose value signs magic links. */
  magicLinkKeyName: string;
}

/**
 * Reads the verifyAuthChallengeResponse settings; throws naming the variable that is missing or malformed.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 */
export function loadVerifyAuthChallengeResponseConfig(env: Env): VerifyAuthChallengeResponseConfig {
  const read = envReader(env);
  return {
    ...readCommonConfig(read),
    customAuthMethods: readCustomAuthMethods(read),
    signInChallengesTable: read.string('SIGN_IN_CHALLENGES_TABLE'),
    magicLinkKeyName: readMagicLinkKeyName(read),
  };
}
