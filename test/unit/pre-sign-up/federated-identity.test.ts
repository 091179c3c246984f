import {
  configuredProviderName,
  federatedIdentity,
  linkSource,
  providerVerifiedEmail,
} from '@functions/pre-sign-up/federated-identity';
import { ConfigError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { testConfig } from './support';

describe('federatedIdentity', () => {
  it.each([
    ['google_109876543210987654321', 'google', '109876543210987654321'],
    ['Google_109876543210987654321', 'Google', '109876543210987654321'],
    ['CorpSaml_jane_doe@example.com', 'CorpSaml', 'jane_doe@example.com'],
  ])('splits %p at the first underscore', (userName, providerPrefix, subject) => {
    expect(federatedIdentity(userName)).toEqual({ providerPrefix, subject });
  });

  it.each(['109876543210987654321', '_109876', 'google_'])('finds no identity in %p', (userName) => {
    expect(federatedIdentity(userName)).toBeUndefined();
  });
});

describe('configuredProviderName', () => {
  it('matches the configured name case-insensitively', () => {
    expect(configuredProviderName('signinwithapple', ['Google', 'SignInWithApple'])).toBe('SignInWithApple');
    expect(configuredProviderName('okta', ['Google'])).toBeUndefined();
  });
});

describe('providerVerifiedEmail', () => {
  it('trusts email_verified "true" (the recorded Google sign-up)', () => {
    expect(providerVerifiedEmail(loadFixture('PreSignUp_ExternalProvider'), testConfig())).toBe(true);
  });

  it('does not trust an unverified email', () => {
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.request.userAttributes['email_verified'] = 'false';

    expect(providerVerifiedEmail(event, testConfig())).toBe(false);
  });

  it('trusts a listed provider that sends no email_verified, but never over an explicit "false"', () => {
    const config = testConfig({ PROVIDERS_VERIFYING_EMAIL: 'Facebook' });
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.userName = 'facebook_10224466880011';
    delete event.request.userAttributes['email_verified'];

    expect(providerVerifiedEmail(event, config)).toBe(true);
    expect(providerVerifiedEmail(event, testConfig())).toBe(false);
    event.request.userAttributes['email_verified'] = 'false';
    expect(providerVerifiedEmail(event, config)).toBe(false);
  });
});

describe('linkSource', () => {
  it('names the configured provider and the subject', () => {
    expect(linkSource('google_109876543210987654321', testConfig())).toEqual({
      providerName: 'Google',
      subject: '109876543210987654321',
    });
  });

  it('names IDENTITY_PROVIDER_NAMES when the provider is not configured', () => {
    expect(() => linkSource('okta_00u1', testConfig())).toThrow(
      new ConfigError('Identity provider "okta" is not listed in IDENTITY_PROVIDER_NAMES.'),
    );
  });

  it('says what is wrong with a user name that has no provider prefix', () => {
    expect(() => linkSource('109876543210987654321', testConfig())).toThrow(
      'The federated user name is not <provider>_<subject>.',
    );
  });
});
