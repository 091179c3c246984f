import { envReader, readCommonConfig, type CommonConfig, type Env } from '../../shared/config';

/** Settings of the customMessage function, read from its environment (see serverless.yml). */
export type CustomMessageConfig = CommonConfig;

/** Reads the customMessage settings; throws naming the variable that is missing or malformed. */
export function loadCustomMessageConfig(env: Env): CustomMessageConfig {
  return readCommonConfig(envReader(env));
}
