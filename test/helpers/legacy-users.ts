/**
 * Seeding of the legacy user store (LegacyUsersTable) for tests and local runs: hashes a password in any format
 * the userMigration trigger verifies, at a low cost so tests stay fast, and writes the account.
 */

import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { legacyUserToItem } from '@functions/user-migration/legacy-user-item';
import type { LegacyUser, LegacyUserStatus } from '@functions/user-migration/legacy-user-store';
import type { HashFormatName } from '@functions/user-migration/password/hash-format';
import { emailKey } from '@shared/email';
import { hash as bcryptHash } from 'bcryptjs';
import { argon2id } from 'hash-wasm';

/** The account of the UserMigration fixtures (test/fixtures/README.md). */
export const FIXTURE_LEGACY_USER = { email: 'legacy.user@example.com', password: 'Legacy-Passw0rd!' } as const;

/** An account to seed; everything but the email and password has a default. */
export interface LegacyUserSeed {
  email: string;
  password: string;
  /** bcrypt when omitted. */
  format?: HashFormatName;
  /** Profile attributes; `name` is `Legacy User` and `email` the seed's email unless given here. */
  attributes?: Record<string, string>;
  /** `active` when omitted. */
  status?: LegacyUserStatus;
  migratedAt?: string;
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** Hashes `password` in `format` at a low cost (fast tests), with a random salt. */
export async function hashLegacyPassword(password: string, format: HashFormatName): Promise<string> {
  const salt = randomBytes(16);
  switch (format) {
    case 'bcrypt':
      return bcryptHash(password, 4);
    case 'pbkdf2-sha256':
      return `$pbkdf2-sha256$i=1000,l=32$${b64(salt)}$${b64(pbkdf2Sync(password, salt, 1000, 32, 'sha256'))}`;
    case 'django-pbkdf2-sha256': {
      const textSalt = salt.toString('hex');
      return `pbkdf2_sha256$1000$${textSalt}$${pbkdf2Sync(password, textSalt, 1000, 32, 'sha256').toString('base64')}`;
    }
    case 'scrypt':
      return `$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }))}`;
    case 'argon2':
      return argon2id({
        password,
        salt,
        parallelism: 1,
        iterations: 1,
        memorySize: 64,
        hashLength: 32,
        outputType: 'encoded',
      });
    default: {
      const unreachable: never = format;
      throw new Error(`Unknown hash format ${String(unreachable)}`);
    }
  }
}

/** The legacy account `seed` describes, its password hashed; not yet stored. */
export async function legacyUser(seed: LegacyUserSeed): Promise<LegacyUser> {
  return {
    username: emailKey(seed.email),
    passwordHash: await hashLegacyPassword(seed.password, seed.format ?? 'bcrypt'),
    attributes: { name: 'Legacy User', ...seed.attributes, email: seed.attributes?.['email'] ?? seed.email },
    status: seed.status ?? 'active',
    ...(seed.migratedAt === undefined ? {} : { migratedAt: seed.migratedAt }),
  };
}

/** Writes the account `seed` describes into `table` (replacing any with the same key) and returns it. */
export async function seedLegacyUser(client: DynamoDBClient, table: string, seed: LegacyUserSeed): Promise<LegacyUser> {
  const user = await legacyUser(seed);
  await client.send(new PutItemCommand({ TableName: table, Item: legacyUserToItem(user) }));
  return user;
}
