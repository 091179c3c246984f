import { autoConfirmTrustedDomains } from '@functions/pre-sign-up/steps/auto-confirm-trusted-domains';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

const TRUST_EXAMPLE_COM = testConfig({ AUTO_CONFIRM_EMAIL_DOMAINS: 'example.com' });

describe('auto-confirm-trusted-domains', () => {
  it('confirms a self sign-up from a trusted domain and verifies its email', async () => {
    const { event, logs } = await runStep(
      autoConfirmTrustedDomains,
      loadFixture('PreSignUp_SignUp'),
      TRUST_EXAMPLE_COM,
    );

    expect(event.response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
    expect(logs.entries()).toEqual([
      expect.objectContaining({ message: 'Auto-confirmed a sign-up from a trusted domain', domain: 'example.com' }),
    ]);
  });

  it('trusts subdomains of a trusted domain', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@staff.example.com';

    const { event: result } = await runStep(autoConfirmTrustedDomains, event, TRUST_EXAMPLE_COM);

    expect(result.response.autoConfirmUser).toBe(true);
  });

  it('leaves other domains to the normal confirmation', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@example.org';

    const { event: result } = await runStep(autoConfirmTrustedDomains, event, TRUST_EXAMPLE_COM);

    expect(result.response).toEqual(loadFixture('PreSignUp_SignUp').response);
  });

  it.each(['PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'] as const)(
    'does not run for %s',
    async (source) => {
      const event = loadFixture(source);
      event.request.userAttributes['email'] = 'someone@example.com';

      const { event: result } = await runStep(autoConfirmTrustedDomains, event, TRUST_EXAMPLE_COM);

      expect(result.response).toEqual(loadFixture(source).response);
    },
  );
});
