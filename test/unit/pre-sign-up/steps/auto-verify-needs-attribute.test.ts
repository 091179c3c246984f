import { autoVerifyNeedsAttribute } from '@functions/pre-sign-up/steps/auto-verify-needs-attribute';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { runStep } from '../support';

describe('auto-verify-needs-attribute', () => {
  it.each(FIXTURES_BY_TRIGGER.PreSignUp)(
    'clears autoVerifyEmail on %s when there is no email attribute',
    async (source) => {
      const event = loadFixture(source);
      delete event.request.userAttributes['email'];
      event.response.autoVerifyEmail = true;

      const { event: result, logs } = await runStep(autoVerifyNeedsAttribute, event);

      expect(result.response.autoVerifyEmail).toBe(false);
      expect(logs.entries()).toEqual([
        expect.objectContaining({
          level: 'warn',
          message: 'Cleared autoVerifyEmail: the request has no email attribute',
        }),
      ]);
    },
  );

  it('clears autoVerifyPhone when there is no phone_number attribute', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.response.autoVerifyPhone = true;

    const { event: result } = await runStep(autoVerifyNeedsAttribute, event);

    expect(result.response.autoVerifyPhone).toBe(false);
  });

  it('keeps both flags when the attributes are there', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['phone_number'] = '+15555550123';
    event.response.autoVerifyEmail = true;
    event.response.autoVerifyPhone = true;

    const { event: result } = await runStep(autoVerifyNeedsAttribute, event);

    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: true });
  });
});
