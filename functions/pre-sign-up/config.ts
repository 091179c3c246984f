import { type CommonConfig, type Env, type EnvReader, envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';

/** Settings of the preSignUp function, read from its environment (see serverless.yml). */
export interface PreSignUpConfig extends CommonConfig {
  /** Domains (and their subdomains) that may sign up; every domain when empty. */
  readonly allowedEmailDomains: readonly string[];
  /** Domains (and their subdomains) that may not sign up, even when allowed. */
  readonly deniedEmailDomains: readonly string[];
  /** Whether addresses at disposable-email services are refused. */
  readonly blockDisposableEmail: boolean;
  /** Domains whose self sign-ups are confirmed and email-verified without a code. */
  readonly autoConfirmEmailDomains: readonly string[];
  /** Whether users created by administrators (AdminCreateUser) pass the domain and disposable-email rules too. */
  readonly policyForAdminCreatedUsers: boolean;
  /** Whether a federated sign-up is linked to the native user with the same verified email. */
  readonly linkFederatedUsers: boolean;
  /** Identity provider names as configured in the pool (Google, Facebook, SignInWithApple, LoginWithAmazon, SAML names). */
  readonly identityProviderNames: readonly string[];
  /** Providers whose email addresses count as verified even when they send no `email_verified` claim. */
  readonly providersVerifyingEmail: readonly string[];
  /** Whether a federated user's email is marked verified when the provider verified it. */
  readonly verifyFederatedEmail: boolean;
  /** SHA-256 digests (hex) of the invite codes that allow a self sign-up; no code is needed when empty. */
  readonly inviteCodeSha256: readonly string[];
}

/** The providers Cognito supports natively, under the names `resources/identity-providers.yml` gives them. */
const DEFAULT_IDENTITY_PROVIDER_NAMES: readonly string[] = ['Google', 'Facebook', 'SignInWithApple', 'LoginWithAmazon'];

/**
 * Reads the preSignUp settings; throws naming the variable that is missing or malformed. Every setting has a
 * default, so an unset environment gives the open policy: any domain may sign up, disposable addresses are
 * accepted, and federated sign-ups are linked to native users only on an email the provider verified.
 */
export function loadPreSignUpConfig(env: Env): PreSignUpConfig {
  const read = envReader(env);
  const identityProviderNames = read.list('IDENTITY_PROVIDER_NAMES');
  return {
    ...readCommonConfig(read),
    allowedEmailDomains: read.list('ALLOWED_EMAIL_DOMAINS'),
    deniedEmailDomains: read.list('DENIED_EMAIL_DOMAINS'),
    blockDisposableEmail: read.boolean('BLOCK_DISPOSABLE_EMAIL', false),
    autoConfirmEmailDomains: read.list('AUTO_CONFIRM_EMAIL_DOMAINS'),
    policyForAdminCreatedUsers: read.boolean('POLICY_FOR_ADMIN_CREATED_USERS', false),
    linkFederatedUsers: read.boolean('LINK_FEDERATED_USERS', true),
    identityProviderNames: identityProviderNames.length > 0 ? identityProviderNames : DEFAULT_IDENTITY_PROVIDER_NAMES,
    providersVerifyingEmail: read.list('PROVIDERS_VERIFYING_EMAIL'),
    verifyFederatedEmail: read.boolean('VERIFY_FEDERATED_EMAIL', true),
    inviteCodeSha256: readDigests(read, 'INVITE_CODE_SHA256'),
  };
}

/** A comma-separated list of SHA-256 digests in hex; anything else fails the cold start naming the variable. */
function readDigests(read: EnvReader, name: string): string[] {
  const digests = read.list(name).map((digest) => digest.toLowerCase());
  const malformed = digests.findIndex((digest) => !/^[0-9a-f]{64}$/.test(digest));
  if (malformed !== -1) {
    throw new ConfigError(
      `${name} must list SHA-256 digests (64 hex characters each); item ${malformed + 1} is not one.`,
    );
  }
  return digests;
}
