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
      reject(
        `Sign-ups from ${email.domain} are not allowed because it is a disposable email service. Use an email address you will keep.`,
      );
    }
  },
};
