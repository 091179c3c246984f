import { domainMatches } from '@shared/email';
import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import type { Step } from '@shared/steps';
import { publicPolicyApplies } from '../public-policy';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/**
 * When `ALLOWED_EMAIL_DOMAINS` is set, accepts only addresses at one of its domains or their subdomains; a
 * sign-up without an email address cannot show that it belongs to one and is refused too.
 */
export const allowListedDomains: Step<PreSignUpContext> = {
  name: 'allow-listed-domains',
  enabled: (config) => config.allowedEmailDomains.length > 0,
  run({ event, config, reject }) {
    if (!publicPolicyApplies(event.triggerSource, config)) {
      return;
    }
    const email = requestEmail(event);
    if (email.status !== 'valid') {
      return reject(preSignUpRefusal('email-required'));
    }
    if (!config.allowedEmailDomains.some((listed) => domainMatches(email.domain, listed))) {
      return reject(preSignUpRefusal('domain-not-allowed'), { domain: email.domain });
    }
  },
};
