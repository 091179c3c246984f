import { domainMatches } from '@shared/email';
import type { Step } from '@shared/steps';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/**
 * Confirms a self sign-up and marks its email verified, without a confirmation code, when the address is at a
 * domain of `AUTO_CONFIRM_EMAIL_DOMAINS` or one of its subdomains. Nobody proves they own the address, so list
 * only domains where that is acceptable (e.g. an internal domain behind other controls).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export const autoConfirmTrustedDomains: Step<PreSignUpContext> = {
  name: 'auto-confirm-trusted-domains',
  sources: ['PreSignUp_SignUp'],
  enabled: (config) => config.autoConfirmEmailDomains.length > 0,
  run({ event, config, logger }) {
    const email = requestEmail(event);
    if (
      email.status === 'valid' &&
      config.autoConfirmEmailDomains.some((listed) => domainMatches(email.domain, listed))
    ) {
      event.response.autoConfirmUser = true;
      event.response.autoVerifyEmail = true;
      logger.info('Auto-confirmed a sign-up from a trusted domain', { domain: email.domain });
    }
  },
};
