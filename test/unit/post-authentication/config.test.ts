import { loadPostAuthenticationConfig } from '@functions/post-authentication/config';
import { ONBOARDING_TEST_SETTINGS } from '@test/helpers/onboarding';
import { TEST_ENV, testConfig } from './support';

describe('loadPostAuthenticationConfig', () => {
  it('reads the table, groups, email settings and the sign-in switch', () => {
    expect(testConfig({ DEFAULT_GROUP: 'users,customers', RECORD_LAST_SIGN_IN: 'true' })).toEqual({
      ...ONBOARDING_TEST_SETTINGS,
      defaultGroup: ['users', 'customers'],
      recordLastSignIn: true,
    });
  });

  it('records no sign-in and sends no email by default', () => {
    const config = loadPostAuthenticationConfig({ USER_PROFILES_TABLE: TEST_ENV['USER_PROFILES_TABLE'] });

    expect(config).toMatchObject({ recordLastSignIn: false, email: undefined, defaultGroup: [] });
  });

  it('names the variable that is malformed', () => {
    expect(() => testConfig({ RECORD_LAST_SIGN_IN: 'sometimes' })).toThrow(
      'RECORD_LAST_SIGN_IN must be true or false, got "sometimes".',
    );
    expect(() => testConfig({ EMAIL_MAX_ATTEMPTS: '0' })).toThrow(
      'EMAIL_MAX_ATTEMPTS must be a whole number from 1 to 20',
    );
  });
});
