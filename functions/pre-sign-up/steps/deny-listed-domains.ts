import { domainMatches } from '@shared/email';
import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import type { Step } from '@shared/steps';
import { publicPolicyApplies } from '../public-policy';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/** Refuses addresses at a domain of `DENIED_EMAIL_DOMAINS` or one of its subdomains. */
export const denyListedDomains: Step<PreSignUpContext> = {
  name: 'deny-listed-domains',
  enabled: (config) => config.deniedEmailDomains.length > 0,
  run({ event, config, reject }) {
    const email = requestEmail(event);
    if (!publicPolicyApplies(event.triggerSource, config) || email.status !== 'valid') {
      return;
    }
    if (config.deniedEmailDomains.some((listed) => domainMatches(email.domain, listed))) {
      reject(preSignUpRefusal('denied-domain'), { domain: email.domain });
    }
  },
};
