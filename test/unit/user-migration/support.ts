import type { UserMigrationConfig } from '@functions/user-migration/config';
import { loadUserMigrationConfig } from '@functions/user-migration/config';
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import type { LegacyUser, LegacyUserStore, MarkMigratedOutcome } from '@functions/user-migration/legacy-user-store';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { FIXTURE_LEGACY_USER, legacyUser } from '@test/helpers/legacy-users';
import type { UserMigrationTriggerEvent } from 'aws-lambda';

/** The environment the userMigration tests start from; a cheap dummy hash keeps unknown-user tests fast. */
export const TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  LEGACY_USERS_TABLE: 'legacy-users',
  LEGACY_DUMMY_HASH: '$2b$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2',
};

/** The configuration read from {@link TEST_ENV} with `overrides`. */
export function testConfig(overrides: Env = {}): UserMigrationConfig {
  return loadUserMigrationConfig({ ...TEST_ENV, ...overrides });
}

/** A legacy store in memory, and the accounts it holds by username. */
export type InMemoryLegacyUserStore = LegacyUserStore & { readonly users: Map<string, LegacyUser> };

/** A legacy store in memory over `accounts` that behaves like the DynamoDB one: the first migration time is kept. */
export function createInMemoryLegacyUserStore(accounts: readonly LegacyUser[] = []): InMemoryLegacyUserStore {
  const users = new Map(accounts.map((user) => [user.username, user]));
  return {
    users,
    async find(username) {
      return users.get(username);
    },
    async markMigrated(username, at): Promise<MarkMigratedOutcome> {
      const user = users.get(username);
      if (user === undefined || user.migratedAt !== undefined) return 'already-migrated';
      users.set(username, { ...user, migratedAt: at.toISOString() });
      return 'marked';
    },
  };
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * over a legacy store in memory holding the fixtures' account, at a fixed time.
 */
export async function testHandler(env: Env = {}): Promise<TriggerHandler<UserMigrationTriggerEvent>> {
  return createUserMigrationHandler(testConfig(env), {
    legacyUsers: createInMemoryLegacyUserStore([await legacyUser(FIXTURE_LEGACY_USER)]),
    now: () => new Date('2026-11-26T15:30:00.000Z'),
  });
}
