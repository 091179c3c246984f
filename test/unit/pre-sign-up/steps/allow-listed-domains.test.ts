import { allowListedDomains } from '@functions/pre-sign-up/steps/allow-listed-domains';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

const ALLOW_EXAMPLE_ORG = testConfig({ ALLOWED_EMAIL_DOMAINS: 'example.org' });

describe('allow-listed-domains', () => {
  it('accepts every domain when no allow-list is set', async () => {
    await expect(runStep(allowListedDomains, loadFixture('PreSignUp_SignUp'), testConfig())).resolves.toBeDefined();
  });

  it.each(['PreSignUp_SignUp', 'PreSignUp_ExternalProvider'] as const)(
    'refuses a domain off the list on %s',
    async (source) => {
      await expect(runStep(allowListedDomains, loadFixture(source), ALLOW_EXAMPLE_ORG)).rejects.toEqual(
        new UserFacingError('Sign-ups from example.com are not allowed. Use your work email address.'),
      );
    },
  );

  it('accepts a listed domain and its subdomains', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@eu.example.org';

    await expect(runStep(allowListedDomains, event, ALLOW_EXAMPLE_ORG)).resolves.toBeDefined();
  });

  it('refuses a sign-up without an email when an allow-list is set', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    delete event.request.userAttributes['email'];

    await expect(runStep(allowListedDomains, event, ALLOW_EXAMPLE_ORG)).rejects.toEqual(
      new UserFacingError('An email address is required to sign up. Use your work email address.'),
    );
  });
});
