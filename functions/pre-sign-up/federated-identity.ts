import { ConfigError } from '@shared/errors';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { PreSignUpConfig } from './config';

/** Who a federated sign-up is at its identity provider. */
export interface FederatedIdentity {
  /** The provider prefix of the user name as Cognito sent it, e.g. `google` or `Google`. */
  readonly providerPrefix: string;
  /** The user's subject (unique id) at the provider. */
  readonly subject: string;
}

/**
 * Splits a federated user name, `<provider>_<subject>`, into its parts. Provider names cannot contain `_`, so
 * the first `_` separates them; the subject may contain more. Current pools send the prefix in lower case
 * (`google_1098…`), older ones as configured (`Google_1098…`).
 *
 * @returns `undefined` when the user name has no provider prefix or no subject.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation-consolidate-users.html
 */
export function federatedIdentity(userName: string): FederatedIdentity | undefined {
  const separator = userName.indexOf('_');
  if (separator <= 0 || separator === userName.length - 1) {
    return undefined;
  }
  return { providerPrefix: userName.slice(0, separator), subject: userName.slice(separator + 1) };
}

/** The configured provider name matching `prefix` case-insensitively (`google` → `Google`), if any. */
export function configuredProviderName(prefix: string, providers: readonly string[]): string | undefined {
  const wanted = prefix.toLowerCase();
  return providers.find((provider) => provider.toLowerCase() === wanted);
}

/**
 * Whether the identity provider vouches for the sign-up's email address: it sent `email_verified: "true"`, or
 * it is listed in `PROVIDERS_VERIFYING_EMAIL` and did not send `email_verified: "false"`. An explicit `"false"`
 * always wins, whatever the list says.
 */
export function providerVerifiedEmail(event: PreSignUpTriggerEvent, config: PreSignUpConfig): boolean {
  const claim = event.request.userAttributes['email_verified']?.trim().toLowerCase();
  if (claim !== undefined && claim !== '') {
    return claim === 'true';
  }
  const identity = federatedIdentity(event.userName);
  return (
    identity !== undefined &&
    configuredProviderName(identity.providerPrefix, config.providersVerifyingEmail) !== undefined
  );
}

/**
 * The source identity of a federated sign-up as AdminLinkProviderForUser needs it: the provider's configured
 * name and the subject.
 *
 * @throws ConfigError when the provider is not in `IDENTITY_PROVIDER_NAMES` (it must be added there to link).
 * @throws Error when the user name is not `<provider>_<subject>`.
 */
export function linkSource(userName: string, config: PreSignUpConfig): { providerName: string; subject: string } {
  const identity = federatedIdentity(userName);
  if (identity === undefined) {
    throw new Error('The federated user name is not <provider>_<subject>.');
  }
  const providerName = configuredProviderName(identity.providerPrefix, config.identityProviderNames);
  if (providerName === undefined) {
    throw new ConfigError(`Identity provider "${identity.providerPrefix}" is not listed in IDENTITY_PROVIDER_NAMES.`);
  }
  return { providerName, subject: identity.subject };
}
