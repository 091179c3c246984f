import { type LegacyUserItem, legacyUserFromItem, legacyUserToItem } from '@functions/user-migration/legacy-user-item';
import { LegacyRecordError, type LegacyUser } from '@functions/user-migration/legacy-user-store';

const USER: LegacyUser = {
  username: 'legacy.user@example.com',
  passwordHash: '$2b$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2',
  attributes: { email: 'legacy.user@example.com', name: 'Legacy User' },
  status: 'active',
};

function item(): LegacyUserItem {
  return legacyUserToItem(USER);
}

describe('legacy user items', () => {
  it('read back what they were written from, with and without a migration time', () => {
    const migrated = { ...USER, migratedAt: '2026-11-26T15:30:00.000Z' };

    expect(legacyUserFromItem(legacyUserToItem(USER))).toEqual(USER);
    expect(legacyUserFromItem(legacyUserToItem(migrated))).toEqual(migrated);
  });

  it('treat a missing attributes map as no attributes', () => {
    const { attributes: _attributes, ...withoutAttributes } = item();

    expect(legacyUserFromItem(withoutAttributes).attributes).toEqual({});
  });

  it.each([
    [
      'a missing password hash',
      (i: LegacyUserItem) => delete i['passwordHash'],
      new LegacyRecordError('passwordHash', 'must be a non-empty string'),
    ],
    [
      'a numeric username',
      (i: LegacyUserItem) => (i['username'] = { N: '1' }),
      new LegacyRecordError('username', 'must be a non-empty string'),
    ],
    [
      'a missing status',
      (i: LegacyUserItem) => delete i['status'],
      new LegacyRecordError('status', 'must be a non-empty string'),
    ],
    [
      'a status in the wrong case',
      (i: LegacyUserItem) => (i['status'] = { S: 'Disabled' }),
      new LegacyRecordError('status', 'must be one of active, disabled'),
    ],
    [
      'attributes as a string',
      (i: LegacyUserItem) => (i['attributes'] = { S: 'x' }),
      new LegacyRecordError('attributes', 'must be a map'),
    ],
    [
      'a numeric attribute',
      (i: LegacyUserItem) => (i['attributes'] = { M: { age: { N: '3' } } }),
      new LegacyRecordError('attributes.age', 'must be a string'),
    ],
  ])('refuse %s, naming the field', (_what, spoil, error) => {
    const broken = item();
    spoil(broken);

    expect(() => legacyUserFromItem(broken)).toThrow(error);
  });
});
