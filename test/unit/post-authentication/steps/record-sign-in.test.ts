import { recordSignIn } from '@functions/post-authentication/steps/record-sign-in';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, NOW, runStep, stepContext, testConfig } from '../support';

describe('record-sign-in step', () => {
  it('is off unless RECORD_LAST_SIGN_IN is on', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture('PostAuthentication_Authentication'), undefined, dependencies);

    await runStep(recordSignIn, context);

    expect(dependencies.profiles.recordSignIn).not.toHaveBeenCalled();
  });

  it('records the sign-in time on the profile of the event’s user', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ RECORD_LAST_SIGN_IN: 'true' });
    const { context, logs } = stepContext(loadFixture('PostAuthentication_Authentication'), config, dependencies);

    await runStep(recordSignIn, context);

    expect(dependencies.profiles.recordSignIn).toHaveBeenCalledWith(
      '3c1f7a9e-50b2-70d4-8e6f-2a9d4c7b1e05',
      NOW.toISOString(),
      context.signal,
    );
    expect(logs.entries()).toContainEqual(expect.objectContaining({ message: 'Sign-in recorded' }));
  });

  it('says so when the user has no profile to record it on', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.recordSignIn.mockResolvedValueOnce('no-profile');
    const config = testConfig({ RECORD_LAST_SIGN_IN: 'true' });
    const { context, logs } = stepContext(loadFixture('PostAuthentication_Authentication'), config, dependencies);

    await runStep(recordSignIn, context);

    expect(logs.entries()).toContainEqual(expect.objectContaining({ message: 'No profile to record the sign-in on' }));
  });
});
