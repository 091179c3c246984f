import { verifyFederatedEmail } from '@functions/pre-sign-up/steps/verify-federated-email';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

describe('verify-federated-email', () => {
  it('verifies the email of the recorded Google sign-up, which Google verified', async () => {
    const { event } = await runStep(verifyFederatedEmail, loadFixture('PreSignUp_ExternalProvider'));

    expect(event.response.autoVerifyEmail).toBe(true);
  });

  it('leaves an email the provider did not verify unverified', async () => {
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.request.userAttributes['email_verified'] = 'false';

    const { event: result } = await runStep(verifyFederatedEmail, event);

    expect(result.response.autoVerifyEmail).toBe(false);
  });

  it('does nothing when VERIFY_FEDERATED_EMAIL is off', async () => {
    const { event } = await runStep(
      verifyFederatedEmail,
      loadFixture('PreSignUp_ExternalProvider'),
      testConfig({ VERIFY_FEDERATED_EMAIL: 'false' }),
    );

    expect(event.response.autoVerifyEmail).toBe(false);
  });

  it('never runs for self sign-ups', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email_verified'] = 'true';

    const { event: result } = await runStep(verifyFederatedEmail, event);

    expect(result.response.autoVerifyEmail).toBe(false);
  });
});
