import { testConfig } from './support';

describe('the createAuthChallenge settings', () => {
  it('need no sender or branding while passwordless sign-in is off', () => {
    const config = testConfig({ CUSTOM_AUTH_METHODS: '', EMAIL_FROM: undefined, APP_URL: undefined });

    expect(config.email).toBeUndefined();
    expect(config.signInCodeLength).toBe(6);
  });

  it.each([
    [{ EMAIL_FROM: undefined }, 'EMAIL_FROM is required but not set.'],
    [{ EMAIL_FROM: 'not an address' }, 'EMAIL_FROM must be an address or "Display Name <address>"'],
    [{ SIGN_IN_CODE_LENGTH: '4' }, 'SIGN_IN_CODE_LENGTH must be a whole number from 6 to 10, got "4".'],
    [{ MAGIC_LINK_PATH: 'sign-in' }, 'MAGIC_LINK_PATH must be a URL path starting with "/"'],
    [{ MAGIC_LINK_KEY_NAME: undefined }, 'MAGIC_LINK_KEY_NAME is required but not set.'],
    [{ SIGN_IN_CHALLENGES_TABLE: undefined }, 'SIGN_IN_CHALLENGES_TABLE is required but not set.'],
  ])('refuse %p at cold start, naming the variable', (overrides, message) => {
    expect(() => testConfig(overrides)).toThrow(message);
  });
});
