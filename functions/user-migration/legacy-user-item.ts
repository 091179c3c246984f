import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { LegacyRecordError, type LegacyUser, type LegacyUserStatus } from './legacy-user-store';

/** A legacy user as a DynamoDB item of the LegacyUsersTable (resources/tables.yml). */
export type LegacyUserItem = Record<string, AttributeValue>;

const STATUSES: readonly LegacyUserStatus[] = ['active', 'disabled'];

function isStatus(value: string): value is LegacyUserStatus {
  return (STATUSES as readonly string[]).includes(value);
}

function requiredString(item: LegacyUserItem, field: string): string {
  const value = item[field]?.S;
  if (value === undefined || value === '') throw new LegacyRecordError(field, 'must be a non-empty string');
  return value;
}

function stringMap(item: LegacyUserItem, field: string): Record<string, string> {
  const map = item[field];
  if (map === undefined) return {};
  if (map.M === undefined) throw new LegacyRecordError(field, 'must be a map');
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(map.M)) {
    if (value.S === undefined) throw new LegacyRecordError(`${field}.${name}`, 'must be a string');
    result[name] = value.S;
  }
  return result;
}

/**
 * Reads a legacy user from its item: `username`, `passwordHash` and `status` (`active` or `disabled`) strings,
 * an optional `attributes` map of strings and an optional `migratedAt` string. Any other status is refused
 * rather than guessed, so a mistyped `Disabled` cannot let a blocked account in.
 *
 * @throws LegacyRecordError naming the first field that is missing or of the wrong type.
 */
export function legacyUserFromItem(item: LegacyUserItem): LegacyUser {
  const status = requiredString(item, 'status');
  if (!isStatus(status)) {
    throw new LegacyRecordError('status', `must be one of ${STATUSES.join(', ')}`);
  }
  const migratedAt = item['migratedAt']?.S;
  return {
    username: requiredString(item, 'username'),
    passwordHash: requiredString(item, 'passwordHash'),
    attributes: stringMap(item, 'attributes'),
    status,
    ...(migratedAt === undefined ? {} : { migratedAt }),
  };
}

/** Writes a legacy user as an item that {@link legacyUserFromItem} reads back unchanged. */
export function legacyUserToItem(user: LegacyUser): LegacyUserItem {
  const attributes = Object.fromEntries(Object.entries(user.attributes).map(([name, value]) => [name, { S: value }]));
  return {
    username: { S: user.username },
    passwordHash: { S: user.passwordHash },
    attributes: { M: attributes },
    status: { S: user.status },
    ...(user.migratedAt === undefined ? {} : { migratedAt: { S: user.migratedAt } }),
  };
}
