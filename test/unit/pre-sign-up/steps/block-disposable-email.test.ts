import { blockDisposableEmail } from '@functions/pre-sign-up/steps/block-disposable-email';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

const BLOCKING = testConfig({ BLOCK_DISPOSABLE_EMAIL: 'true' });

describe('block-disposable-email', () => {
  it.each([
    ['jonas@mailinator.com', 'mailinator.com'],
    ['jonas@inbox.Mailinator.com', 'inbox.mailinator.com'],
  ])('refuses %p when switched on', async (email, domain) => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = email;

    await expect(runStep(blockDisposableEmail, event, BLOCKING)).rejects.toEqual(
      new UserFacingError(
        `Sign-ups from ${domain} are not allowed because it is a disposable email service. Use an email address you will keep.`,
      ),
    );
  });

  it('accepts a permanent address', async () => {
    await expect(runStep(blockDisposableEmail, loadFixture('PreSignUp_SignUp'), BLOCKING)).resolves.toBeDefined();
  });

  it('accepts disposable addresses when switched off (the default)', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = 'jonas@mailinator.com';

    await expect(runStep(blockDisposableEmail, event, testConfig())).resolves.toBeDefined();
  });

  it('applies to federated sign-ups', async () => {
    const federated = loadFixture('PreSignUp_ExternalProvider');
    federated.request.userAttributes['email'] = 'tariq@mailinator.com';

    await expect(runStep(blockDisposableEmail, federated, BLOCKING)).rejects.toBeInstanceOf(UserFacingError);
  });
});
