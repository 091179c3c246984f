import { allowListedDomains } from '@functions/pre-sign-up/steps/allow-listed-domains';
import { blockDisposableEmail } from '@functions/pre-sign-up/steps/block-disposable-email';
import { denyListedDomains } from '@functions/pre-sign-up/steps/deny-listed-domains';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

/** Each public-policy step, with a setting that refuses `noor.haddad@mailinator.com`. */
const POLICY_STEPS = [
  [denyListedDomains.name, denyListedDomains, { DENIED_EMAIL_DOMAINS: 'mailinator.com' }],
  [allowListedDomains.name, allowListedDomains, { ALLOWED_EMAIL_DOMAINS: 'example.org' }],
  [blockDisposableEmail.name, blockDisposableEmail, { BLOCK_DISPOSABLE_EMAIL: 'true' }],
] as const;

describe.each(POLICY_STEPS)('%s, for users an administrator creates,', (_name, step, policy) => {
  function adminCreatedUser() {
    const event = loadFixture('PreSignUp_AdminCreateUser');
    event.request.userAttributes['email'] = 'noor.haddad@mailinator.com';
    return event;
  }

  it('lets them pass by default', async () => {
    await expect(runStep(step, adminCreatedUser(), testConfig(policy))).resolves.toBeDefined();
  });

  it('applies when POLICY_FOR_ADMIN_CREATED_USERS is on', async () => {
    const config = testConfig({ ...policy, POLICY_FOR_ADMIN_CREATED_USERS: 'true' });

    await expect(runStep(step, adminCreatedUser(), config)).rejects.toBeInstanceOf(UserFacingError);
  });
});
