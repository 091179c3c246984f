import { envReader, readCommonConfig, type CommonConfig, type Env } from '../../shared/config';

/** Settings of the postConfirmation function, read from its environment (see serverless.yml). */
export type PostConfirmationConfig = CommonConfig;

/** Reads the postConfirmation settings; throws naming the variable that is missing or malformed. */
export function loadPostConfirmationConfig(env: Env): PostConfirmationConfig {
  return readCommonConfig(envReader(env));
}
