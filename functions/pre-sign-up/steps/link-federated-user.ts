import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import type { Step } from '@shared/steps';
import { linkSource, providerVerifiedEmail } from '../federated-identity';
import { linkTarget } from '../link-target';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/**
 * On a first federated sign-in, links the new identity to the native user with the same verified email, so the
 * person keeps one account (one `sub`) whichever way they sign in. Only when the provider verified the email:
 * otherwise anyone could claim an address at a provider and take over the native account.
 *
 * The sign-up then goes ahead: Cognito finds the link and signs the person in as the native user instead of
 * creating a second one. Retried and concurrent invocations are safe: a link that already exists counts as
 * made. A failed Cognito call fails the sign-in (masked, so the person tries again) rather than letting a
 * duplicate account be created, which could never be linked afterwards.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation-consolidate-users.html
 */
export const linkFederatedUser: Step<PreSignUpContext> = {
  name: 'link-federated-user',
  sources: ['PreSignUp_ExternalProvider'],
  enabled: (config) => config.linkFederatedUsers,
  async run({ event, config, logger, metrics, nativeUsers, reject, signal }) {
    const email = requestEmail(event);
    if (email.status !== 'valid') {
      return;
    }
    if (!providerVerifiedEmail(event, config)) {
      logger.info('Not linking: the identity provider did not verify the email address');
      return;
    }
    const target = linkTarget(await nativeUsers.withEmail(event.userPoolId, email.address, signal));
    if (target === undefined) {
      return;
    }
    const source = linkSource(event.userName, config);
    const outcome = await nativeUsers.link(
      { userPoolId: event.userPoolId, destinationUsername: target.username, ...source },
      signal,
    );
    const fields = { outcome, provider: source.providerName, nativeSub: target.attributes['sub'] };
    switch (outcome) {
      case 'linked':
      case 'already-linked':
        metrics.count(outcome === 'linked' ? 'AccountsLinked' : 'AccountsAlreadyLinked');
        logger.info('Linked the federated identity to the native user', fields);
        return;
      case 'no-destination':
        metrics.count('AccountLinksRefused');
        logger.warn('Not linked: the native user no longer exists', fields);
        return;
      case 'link-limit-reached':
        metrics.count('AccountLinksRefused');
        logger.warn('Not linked: the native user has the most linked identities Cognito allows', fields);
        return reject(preSignUpRefusal('provider-limit-reached'));
      default: {
        const unexpected: never = outcome;
        throw new Error(`Unhandled link outcome ${String(unexpected)}.`);
      }
    }
  },
};
