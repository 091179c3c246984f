import type { UserMigrationConfig } from '@functions/user-migration/config';
import { loadUserMigrationConfig } from '@functions/user-migration/config';
import type { LegacyUser, LegacyUserStore, MarkMigratedOutcome } from '@functions/user-migration/legacy-user-store';
import type { Env } from '@shared/config';
import { captureLogs, type LogCapture } from '@test/helpers/log-capture';

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

/** A legacy store in memory that behaves like the DynamoDB one: the first migration time is kept. */
export class InMemoryLegacyUserStore implements LegacyUserStore {
  readonly users = new Map<string, LegacyUser>();

  constructor(users: readonly LegacyUser[] = []) {
    for (const user of users) this.users.set(user.username, user);
  }

  async find(username: string): Promise<LegacyUser | undefined> {
    return this.users.get(username);
  }

  async markMigrated(username: string, at: Date): Promise<MarkMigratedOutcome> {
    const user = this.users.get(username);
    if (user === undefined || user.migratedAt !== undefined) return 'already-migrated';
    this.users.set(username, { ...user, migratedAt: at.toISOString() });
    return 'marked';
  }
}

/**
 * Collects what a handler writes to stdout (where the handler's logger writes) as log lines, until `restore()`.
 * Other output passes through.
 */
export function captureStdoutLogs(): LogCapture & { restore(): void } {
  const logs = captureLogs();
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk)
      .split('\n')
      .filter((text) => text !== ''))
      logs.sink(line);
    return true;
  });
  return { ...logs, restore: () => spy.mockRestore() };
}
