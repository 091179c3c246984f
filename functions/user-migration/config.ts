import { type CommonConfig, type Env, envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';
import { DUMMY_HASHES } from './password/dummy-hashes';
import { HASH_FORMAT_NAMES } from './password/hash-format';
import { parsePasswordHash } from './password/verify-password';

/** Settings of the userMigration function, read from its environment (see serverless.yml). */
export interface UserMigrationConfig extends CommonConfig {
  /** Name of the DynamoDB table of legacy accounts (`LEGACY_USERS_TABLE`). */
  legacyUsersTable: string;
  /**
   * `LEGACY_DUMMY_HASH`, or when unset the built-in hash of `LEGACY_HASH_FORMAT` (bcrypt when unset): the hash
   * sign-ins of unknown users are verified against, so that they take as long as real ones.
   */
  legacyDummyHash: string;
}

/**
 * Reads the userMigration settings: `LEGACY_USERS_TABLE` (required), `LEGACY_HASH_FORMAT` (the format most legacy
 * records use: bcrypt, pbkdf2-sha256, django-pbkdf2-sha256, scrypt or argon2; bcrypt when unset),
 * `LEGACY_DUMMY_HASH` (optional: a hash of any throwaway password with the same format and cost as the legacy
 * records, overriding the built-in one), and `LOG_LEVEL`.
 *
 * @throws ConfigError naming the variable that is missing or malformed.
 */
export function loadUserMigrationConfig(env: Env): UserMigrationConfig {
  const read = envReader(env);
  const format = read.oneOf('LEGACY_HASH_FORMAT', HASH_FORMAT_NAMES, 'bcrypt');
  const legacyDummyHash = read.string('LEGACY_DUMMY_HASH', DUMMY_HASHES[format]);
  try {
    parsePasswordHash(legacyDummyHash);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `LEGACY_DUMMY_HASH must be a supported password hash within the accepted cost bounds: ${reason}.`,
    );
  }
  return {
    ...readCommonConfig(read),
    legacyUsersTable: read.string('LEGACY_USERS_TABLE'),
    legacyDummyHash,
  };
}
