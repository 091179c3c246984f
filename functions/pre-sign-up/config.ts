import { envReader, readCommonConfig, type CommonConfig, type Env } from '../../shared/config';

/** Settings of the preSignUp function, read from its environment (see serverless.yml). */
export type PreSignUpConfig = CommonConfig;

/** Reads the preSignUp settings; throws naming the variable that is missing or malformed. */
export function loadPreSignUpConfig(env: Env): PreSignUpConfig {
  return readCommonConfig(envReader(env));
}
