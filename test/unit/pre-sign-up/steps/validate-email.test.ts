import { validateEmail } from '@functions/pre-sign-up/steps/validate-email';
import { UserFacingError } from '@shared/errors';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { runStep } from '../support';

describe('validate-email', () => {
  it.each(FIXTURES_BY_TRIGGER.PreSignUp)('lets the recorded %s event through unchanged', async (source) => {
    const event = loadFixture(source);

    const { event: result } = await runStep(validateEmail, event);

    expect(result).toEqual(loadFixture(source));
  });

  it.each([
    ['PreSignUp_SignUp', 'Enter a valid email address, like name@example.com.'],
    ['PreSignUp_AdminCreateUser', 'Enter a valid email address for the new user, like name@example.com.'],
    [
      'PreSignUp_ExternalProvider',
      'Your sign-in provider did not share a valid email address. Sign up with your email address instead.',
    ],
  ] as const)('refuses a malformed address on %s, saying what to do', async (source, message) => {
    const event = loadFixture(source);
    event.request.userAttributes['email'] = 'jonas.lindqvist@example';

    await expect(runStep(validateEmail, event)).rejects.toEqual(new UserFacingError(message));
  });

  it('accepts an address that only needs trimming and a lower-case domain', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = ' Jonas.Lindqvist@EXAMPLE.COM ';

    await expect(runStep(validateEmail, event)).resolves.toBeDefined();
  });

  it('leaves a sign-up without an email to the pool schema', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    delete event.request.userAttributes['email'];

    await expect(runStep(validateEmail, event)).resolves.toBeDefined();
  });
});
