import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import type { Step } from '@shared/steps';
import { disposableDomains, isDisposableDomain } from '../disposable-domains';
import { publicPolicyApplies } from '../public-policy';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/** When `BLOCK_DISPOSABLE_EMAIL` is on, refuses addresses at disposable-email services and their subdomains. */
export const blockDisposableEmail: Step<PreSignUpContext> = {
  name: 'block-disposable-email',
  enabled: (config) => config.blockDisposableEmail,
  async run({ event, config, reject }) {
    const email = requestEmail(event);
    if (!publicPolicyApplies(event.triggerSource, config) || email.status !== 'valid') {
      return;
    }
    if (isDisposableDomain(email.domain, await disposableDomains())) {
      reject(preSignUpRefusal('disposable-domain'), { domain: email.domain });
    }
  },
};
