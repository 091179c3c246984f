import { loadPostConfirmationConfig } from '@functions/post-confirmation/config';
import { ConfigError } from '@shared/errors';
import { ONBOARDING_TEST_SETTINGS } from '@test/helpers/onboarding';
import { TEST_ENV, testConfig } from './support';

describe('loadPostConfirmationConfig', () => {
  it('reads the table, groups and email settings', () => {
    const config = testConfig({ DEFAULT_GROUP: 'users, customers' });

    expect(config).toEqual({
      ...ONBOARDING_TEST_SETTINGS,
      defaultGroup: ['users', 'customers'],
      passwordChangedNotice: true,
      passwordChangeDedupeSeconds: 120,
    });
  });

  it('needs only the table: no groups, emails off, and no branding required', () => {
    const config = loadPostConfirmationConfig({ USER_PROFILES_TABLE: 'profiles' });

    expect(config).toMatchObject({ userProfilesTable: 'profiles', defaultGroup: [], email: undefined });
  });

  it('names USER_PROFILES_TABLE when it is missing', () => {
    expect(() => testConfig({ USER_PROFILES_TABLE: undefined })).toThrow(
      new ConfigError('USER_PROFILES_TABLE is required but not set.'),
    );
  });

  it('accepts a bare sender address', () => {
    expect(testConfig({ EMAIL_FROM: 'no-reply@example.com' }).email?.emailFrom).toBe('no-reply@example.com');
  });

  it.each([
    ['no address', 'Example'],
    ['a line break', 'Example\r\nBcc: x@example.com <no-reply@example.com>'],
    ['an invalid address', 'Example <no-reply@@example.com>'],
    ['a non-ASCII display name', 'Éxample <no-reply@example.com>'],
  ])('rejects an EMAIL_FROM with %s, naming the variable', (_case, from) => {
    expect(() => testConfig({ EMAIL_FROM: from })).toThrow(
      /^EMAIL_FROM must be an address or "Display Name <address>"/,
    );
  });

  it('requires the branding when emails are on', () => {
    expect(() => testConfig({ SUPPORT_EMAIL: undefined })).toThrow('SUPPORT_EMAIL is required but not set.');
  });

  it('rejects a DEFAULT_GROUP entry Cognito would refuse, naming the variable', () => {
    expect(() => testConfig({ DEFAULT_GROUP: 'users,power users' })).toThrow(
      'DEFAULT_GROUP must list Cognito group names (no spaces, at most 128 characters), got "power users".',
    );
  });

  it('switches the password-changed notice off with PASSWORD_CHANGED_NOTICE=false', () => {
    expect(testConfig({ PASSWORD_CHANGED_NOTICE: 'false' }).passwordChangedNotice).toBe(false);
  });

  it.each([
    [
      'PASSWORD_CHANGE_DEDUPE_SECONDS',
      'soon',
      'PASSWORD_CHANGE_DEDUPE_SECONDS must be a whole number from 10 to 3600, got "soon".',
    ],
  ])('rejects a malformed %s', (name, value, message) => {
    expect(() => testConfig({ [name]: value })).toThrow(message);
  });

  it('reads the dedupe window', () => {
    const config = testConfig({ PASSWORD_CHANGE_DEDUPE_SECONDS: '600' });

    expect(config).toMatchObject({ passwordChangeDedupeSeconds: 600 });
  });

  it('does not change the environment it reads', () => {
    const env = { ...TEST_ENV };

    testConfig(env);

    expect(env).toEqual(TEST_ENV);
  });
});
