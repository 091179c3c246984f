import { loadPreSignUpConfig } from '@functions/pre-sign-up/config';
import { ConfigError } from '@shared/errors';

describe('loadPreSignUpConfig', () => {
  it('gives the open policy when nothing is set', () => {
    const config = loadPreSignUpConfig({});

    expect(config).toEqual({
      logLevel: 'info',
      logEvents: false,
      allowedEmailDomains: [],
      deniedEmailDomains: [],
      blockDisposableEmail: false,
      autoConfirmEmailDomains: [],
      policyForAdminCreatedUsers: false,
      linkFederatedUsers: true,
      identityProviderNames: ['Google', 'Facebook', 'SignInWithApple', 'LoginWithAmazon'],
      providersVerifyingEmail: [],
      verifyFederatedEmail: true,
      inviteCodeSha256: [],
    });
  });

  it('reads every setting from its variable', () => {
    const config = loadPreSignUpConfig({
      ALLOWED_EMAIL_DOMAINS: 'example.com, example.org',
      DENIED_EMAIL_DOMAINS: 'contractors.example.com',
      BLOCK_DISPOSABLE_EMAIL: 'true',
      AUTO_CONFIRM_EMAIL_DOMAINS: 'staff.example.com',
      POLICY_FOR_ADMIN_CREATED_USERS: 'yes',
      LINK_FEDERATED_USERS: 'false',
      IDENTITY_PROVIDER_NAMES: 'Google,CorpSaml',
      PROVIDERS_VERIFYING_EMAIL: 'CorpSaml',
      VERIFY_FEDERATED_EMAIL: '0',
    });

    expect(config).toMatchObject({
      allowedEmailDomains: ['example.com', 'example.org'],
      deniedEmailDomains: ['contractors.example.com'],
      blockDisposableEmail: true,
      autoConfirmEmailDomains: ['staff.example.com'],
      policyForAdminCreatedUsers: true,
      linkFederatedUsers: false,
      identityProviderNames: ['Google', 'CorpSaml'],
      providersVerifyingEmail: ['CorpSaml'],
      verifyFederatedEmail: false,
    });
  });

  it.each([
    'BLOCK_DISPOSABLE_EMAIL',
    'POLICY_FOR_ADMIN_CREATED_USERS',
    'LINK_FEDERATED_USERS',
    'VERIFY_FEDERATED_EMAIL',
  ])('names %s when it is not a boolean', (name) => {
    expect(() => loadPreSignUpConfig({ [name]: 'sometimes' })).toThrow(
      new ConfigError(`${name} must be true or false, got "sometimes".`),
    );
  });
});
