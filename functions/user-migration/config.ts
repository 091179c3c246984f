import { envReader, readCommonConfig, type CommonConfig, type Env } from '../../shared/config';

/** Settings of the userMigration function, read from its environment (see serverless.yml). */
export type UserMigrationConfig = CommonConfig;

/** Reads the userMigration settings; throws naming the variable that is missing or malformed. */
export function loadUserMigrationConfig(env: Env): UserMigrationConfig {
  return readCommonConfig(envReader(env));
}
