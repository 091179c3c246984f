import { loadUserMigrationConfig } from '@functions/user-migration/config';
import { DUMMY_HASHES } from '@functions/user-migration/password/dummy-hashes';
import { ConfigError } from '@shared/errors';

const ENV = { LEGACY_USERS_TABLE: 'cognito-flows-dev-legacy-users' };

describe('loadUserMigrationConfig', () => {
  it('reads the table and defaults to the bcrypt dummy hash and info logging', () => {
    const config = loadUserMigrationConfig(ENV);

    expect(config).toEqual({
      logLevel: 'info',
      logEvents: false,
      legacyUsersTable: 'cognito-flows-dev-legacy-users',
      legacyDummyHash: DUMMY_HASHES.bcrypt,
    });
  });

  it('requires LEGACY_USERS_TABLE', () => {
    expect(() => loadUserMigrationConfig({})).toThrow(new ConfigError('LEGACY_USERS_TABLE is required but not set.'));
  });

  it('uses the dummy hash of the format LEGACY_HASH_FORMAT names', () => {
    const config = loadUserMigrationConfig({ ...ENV, LEGACY_HASH_FORMAT: 'scrypt' });

    expect(config.legacyDummyHash).toBe(DUMMY_HASHES.scrypt);
  });

  it('names LEGACY_HASH_FORMAT and the accepted values when it is unknown', () => {
    expect(() => loadUserMigrationConfig({ ...ENV, LEGACY_HASH_FORMAT: 'md5' })).toThrow(
      new ConfigError(
        'LEGACY_HASH_FORMAT must be one of bcrypt, pbkdf2-sha256, django-pbkdf2-sha256, scrypt, argon2, got "md5".',
      ),
    );
  });

  it('prefers LEGACY_DUMMY_HASH over the built-in hash', () => {
    const ownCost = '$2b$12$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2';

    expect(loadUserMigrationConfig({ ...ENV, LEGACY_DUMMY_HASH: ownCost }).legacyDummyHash).toBe(ownCost);
  });

  it.each([
    ['an unknown format', 'plain', 'unrecognised hash format'],
    [
      'a cost beyond the bounds',
      '$2b$15$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2',
      'cost must be from 4 to 13, got 15',
    ],
  ])('refuses a LEGACY_DUMMY_HASH with %s, naming the variable', (_what, hash, reason) => {
    expect(() => loadUserMigrationConfig({ ...ENV, LEGACY_DUMMY_HASH: hash })).toThrow(
      new ConfigError(
        `LEGACY_DUMMY_HASH must be a supported password hash within the accepted cost bounds: ${reason}.`,
      ),
    );
  });
});
