import { finishOnboarding } from '@functions/post-confirmation/steps/finish-onboarding';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, runStep, stepContext, testConfig } from '../support';

const POOL = 'us-east-1_Xq7fLw2Zb';
const USER = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';

describe('finish-onboarding step', () => {
  it('adds a new user to every default group of the event’s pool, then marks them onboarded', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ DEFAULT_GROUP: 'users,customers' });
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), config, dependencies);

    await runStep(finishOnboarding, context);

    expect(dependencies.groups.add.mock.calls).toEqual([
      [POOL, USER, 'users', context.signal],
      [POOL, USER, 'customers', context.signal],
    ]);
    expect(dependencies.marker.mark).toHaveBeenCalledWith(POOL, USER, context.signal);
    expect(dependencies.groups.add.mock.invocationCallOrder[1]).toBeLessThan(
      dependencies.marker.mark.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('logs a group that failed, adds the others, leaves the user unmarked so a sign-in catches up, and lets the flow go on', async () => {
    const dependencies = fakeDependencies();
    dependencies.groups.add.mockRejectedValueOnce(
      new DependencyError('Could not add the user to group "users".', {
        cause: new Error('ResourceNotFoundException'),
        dependency: 'Cognito',
      }),
    );
    const config = testConfig({ DEFAULT_GROUP: 'users,customers' });
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), config, dependencies);

    await runStep(finishOnboarding, context);

    expect(logs.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', group: 'users' }),
        expect.objectContaining({ level: 'info', message: 'User added to group', group: 'customers' }),
      ]),
    );
    expect(dependencies.marker.mark).not.toHaveBeenCalled();
  });

  it('logs a mark that failed and lets the flow go on', async () => {
    const dependencies = fakeDependencies();
    dependencies.marker.mark.mockRejectedValueOnce(
      new DependencyError('Could not mark the user as onboarded.', {
        cause: new Error('throttled'),
        dependency: 'Cognito',
      }),
    );
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await runStep(finishOnboarding, context);

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Could not mark the user onboarded; their next sign-in catches up',
      }),
    );
  });

  it('marks the user onboarded without groups when DEFAULT_GROUP is empty', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(
      loadFixture('PostConfirmation_ConfirmSignUp'),
      testConfig({ DEFAULT_GROUP: '' }),
      dependencies,
    );

    await runStep(finishOnboarding, context);

    expect(dependencies.groups.add).not.toHaveBeenCalled();
    expect(dependencies.marker.mark).toHaveBeenCalledTimes(1);
  });

  it('onboards a user confirmed by a password reset who was never onboarded (migrated by reset)', async () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');
    delete event.request.userAttributes['custom:onboarded'];
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(finishOnboarding, context);

    expect(dependencies.groups.add).toHaveBeenCalledTimes(1);
    expect(dependencies.marker.mark).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a user onboarded already', async () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(finishOnboarding, context);

    expect(dependencies.groups.add).not.toHaveBeenCalled();
    expect(dependencies.marker.mark).not.toHaveBeenCalled();
  });
});
