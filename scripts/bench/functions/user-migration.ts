import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { loadUserMigrationConfig } from '@functions/user-migration/config';
import type * as UserMigrationBundle from '@functions/user-migration/handler';
import { legacyUserToItem } from '@functions/user-migration/legacy-user-item';
import type { LegacyUser } from '@functions/user-migration/legacy-user-store';
import { lazy } from '@shared/lazy';
import { hashSync } from 'bcryptjs';
import { defineBenchedFunction, responseWith } from './benched-function';

/** The password of every legacy user the bench signs in. */
const LEGACY_PASSWORD = 'Legacy-Passw0rd!';

/** The bench path whose cold start the password table budgets with (the password check is part of it). */
export const MIGRATION_SIGN_IN_PATH = 'userMigration/sign-in';

/** A legacy user with a bcrypt hash of `cost`; the hash is made once per cost, on first use. */
const legacyUser = (username: string, passwordHash: string): LegacyUser => ({
  username,
  passwordHash,
  attributes: { email: username, name: 'Legacy User' },
  status: 'active',
});
const defaultCostHash = lazy(() => hashSync(LEGACY_PASSWORD, 10));
/** bcrypt's lowest cost, so that warm timings show the flow rather than the hash (verification is timed apart). */
const cheapHash = lazy(() => hashSync(LEGACY_PASSWORD, 4));

/** The legacy user run `run` signs in as: every run is a first sign-in. */
const runUserName = (run: number): string => `legacy.bench.${run}@example.com`;

/** userMigration: a legacy user's first sign-in reads the user, checks the password and marks the user migrated. */
export const userMigration = defineBenchedFunction({
  loadConfig: loadUserMigrationConfig,
  warmHandler: (bundle: typeof UserMigrationBundle, config) =>
    bundle.createUserMigrationHandler(config, {
      legacyUsers: {
        find: async (username) => legacyUser(username, cheapHash()),
        markMigrated: async () => 'marked',
      },
      now: () => new Date(),
    }),
  paths: {
    'sign-in': {
      what: 'first sign-in of a legacy user (bcrypt, cost 10)',
      fixture: 'UserMigration_Authentication',
      floor: 'user-migration',
      event: (event, run) => ({
        ...event,
        userName: runUserName(run),
        request: { ...event.request, password: LEGACY_PASSWORD },
      }),
      before: async (run, { dynamoDb, env }) => {
        await dynamoDb.send(
          new PutItemCommand({
            TableName: env.LEGACY_USERS_TABLE,
            Item: legacyUserToItem(legacyUser(runUserName(run), defaultCostHash())),
          }),
        );
      },
      check: responseWith('finalUserStatus', 'CONFIRMED', (value) => value === 'CONFIRMED'),
    },
  },
});
