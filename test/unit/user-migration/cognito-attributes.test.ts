import { migratedAttributes } from '@functions/user-migration/cognito-attributes';
import { LegacyRecordError, type LegacyUser } from '@functions/user-migration/legacy-user-store';

const USER: LegacyUser = {
  username: 'legacy.user@example.com',
  passwordHash: '$2b$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2',
  attributes: { email: 'Legacy.User@Example.COM', name: 'Legacy User', locale: 'de', phone_number: '+15555550123' },
  status: 'active',
};

describe('migratedAttributes', () => {
  it('copies standard attributes and returns the normalised email as verified', () => {
    const { attributes, dropped } = migratedAttributes(USER, 'legacy.user@example.com');

    expect(attributes).toEqual({
      email: 'Legacy.User@example.com',
      email_verified: 'true',
      name: 'Legacy User',
      locale: 'de',
      phone_number: '+15555550123',
    });
    expect(dropped).toEqual([]);
  });

  it('copies custom attributes and drops what Cognito sets itself or does not know', () => {
    const user = {
      ...USER,
      attributes: {
        ...USER.attributes,
        'custom:tenant': 'acme',
        sub: 'x',
        'cognito:user_status': 'CONFIRMED',
        username: 'u',
        legacy_id: '42',
        'custom:': 'empty',
      },
    };

    const { attributes, dropped } = migratedAttributes(user, 'legacy.user@example.com');

    expect(attributes['custom:tenant']).toBe('acme');
    expect(dropped).toEqual(['sub', 'cognito:user_status', 'username', 'legacy_id', 'custom:']);
  });

  it('overrides a legacy email_verified of "false": the user must be able to receive reset codes', () => {
    const user = { ...USER, attributes: { ...USER.attributes, email_verified: 'false' } };

    expect(migratedAttributes(user, 'legacy.user@example.com').attributes.email_verified).toBe('true');
  });

  it('takes the email from the sign-in name when the record has none', () => {
    const user = { ...USER, attributes: { name: 'Legacy User' } };

    expect(migratedAttributes(user, 'Legacy.User@EXAMPLE.com').attributes.email).toBe('Legacy.User@example.com');
  });

  it('refuses a record whose email is not an address', () => {
    const user = { ...USER, attributes: { email: 'not an address' } };

    expect(() => migratedAttributes(user, 'legacy.user@example.com')).toThrow(
      new LegacyRecordError('attributes.email', 'must be a valid email address'),
    );
  });
});
