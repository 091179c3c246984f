import { loadCustomMessageConfig } from '@functions/custom-message/config';
import { TEST_ENV } from './support';

describe('loadCustomMessageConfig', () => {
  it('reads the branding and defaults the switches', () => {
    expect(loadCustomMessageConfig(TEST_ENV)).toEqual({
      logLevel: 'info',
      logEvents: false,
      branding: { productName: 'Acme Portal', supportEmail: 'help@acme.example', appUrl: 'https://app.acme.example' },
      brandedMessages: true,
      defaultMessageSources: [],
      confirmPath: '/confirm',
    });
  });

  it.each(['PRODUCT_NAME', 'SUPPORT_EMAIL', 'APP_URL'] as const)('names %s when it is missing', (name) => {
    const env = { ...TEST_ENV, [name]: undefined };

    expect(() => loadCustomMessageConfig(env)).toThrow(`${name} is required but not set.`);
  });

  it('reads BRANDED_MESSAGES and names it when malformed', () => {
    expect(loadCustomMessageConfig({ ...TEST_ENV, BRANDED_MESSAGES: 'false' }).brandedMessages).toBe(false);
    expect(() => loadCustomMessageConfig({ ...TEST_ENV, BRANDED_MESSAGES: 'sometimes' })).toThrow(
      'BRANDED_MESSAGES must be true or false, got "sometimes".',
    );
  });

  it('reads DEFAULT_MESSAGE_SOURCES written in full or short, in any case', () => {
    const config = loadCustomMessageConfig({
      ...TEST_ENV,
      DEFAULT_MESSAGE_SOURCES: 'CustomMessage_Authentication, forgotpassword',
    });

    expect(config.defaultMessageSources).toEqual(['CustomMessage_Authentication', 'CustomMessage_ForgotPassword']);
  });

  it('names DEFAULT_MESSAGE_SOURCES and the valid sources when it lists an unknown one', () => {
    expect(() => loadCustomMessageConfig({ ...TEST_ENV, DEFAULT_MESSAGE_SOURCES: 'SignUp,Welcome' })).toThrow(
      'DEFAULT_MESSAGE_SOURCES lists "Welcome", which is not one of SignUp, AdminCreateUser, ResendCode, ForgotPassword, UpdateUserAttribute, VerifyUserAttribute, Authentication.',
    );
  });

  it('reads CONFIRM_PATH and names it when it is not a plain path', () => {
    expect(loadCustomMessageConfig({ ...TEST_ENV, CONFIRM_PATH: '/account/verify' }).confirmPath).toBe(
      '/account/verify',
    );
    expect(() => loadCustomMessageConfig({ ...TEST_ENV, CONFIRM_PATH: 'confirm?x=1' })).toThrow(
      'CONFIRM_PATH must be a URL path starting with "/" and without "?" or "#", got "confirm?x=1".',
    );
  });
});
