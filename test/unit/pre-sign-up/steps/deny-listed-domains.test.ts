import { denyListedDomains } from '@functions/pre-sign-up/steps/deny-listed-domains';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

const DENY_EXAMPLE_COM = testConfig({ DENIED_EMAIL_DOMAINS: 'example.com' });
const REFUSAL = new UserFacingError('Sign-ups from example.com are not allowed. Use a different email address.');

describe('deny-listed-domains', () => {
  it.each(['PreSignUp_SignUp', 'PreSignUp_ExternalProvider'] as const)(
    'refuses a denied domain on %s',
    async (source) => {
      await expect(runStep(denyListedDomains, loadFixture(source), DENY_EXAMPLE_COM)).rejects.toEqual(REFUSAL);
    },
  );

  it('refuses subdomains of a denied domain, naming the domain the person used', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@Mail.Example.com';

    await expect(runStep(denyListedDomains, event, DENY_EXAMPLE_COM)).rejects.toEqual(
      new UserFacingError('Sign-ups from mail.example.com are not allowed. Use a different email address.'),
    );
  });

  it('lets other domains through, including ones that only end with the same letters', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@notexample.com';

    await expect(runStep(denyListedDomains, event, DENY_EXAMPLE_COM)).resolves.toBeDefined();
  });
});
