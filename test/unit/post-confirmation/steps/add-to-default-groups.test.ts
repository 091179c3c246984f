import { addToDefaultGroups } from '@functions/post-confirmation/steps/add-to-default-groups';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, runStep, stepContext, testConfig } from '../support';

const POOL = 'us-east-1_Xq7fLw2Zb';
const USER = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';

describe('add-to-default-groups step', () => {
  it('adds a new user to every default group of the event’s pool', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ DEFAULT_GROUP: 'users,customers' });
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), config, dependencies);

    await runStep(addToDefaultGroups, context);

    expect(dependencies.groups.add.mock.calls).toEqual([
      [POOL, USER, 'users', context.signal],
      [POOL, USER, 'customers', context.signal],
    ]);
  });

  it('logs a group that failed, adds the others, and lets the flow go on', async () => {
    const dependencies = fakeDependencies();
    dependencies.groups.add.mockRejectedValueOnce(
      new DependencyError('Could not add the user to group "users".', {
        cause: new Error('ResourceNotFoundException'),
        dependency: 'Cognito',
      }),
    );
    const config = testConfig({ DEFAULT_GROUP: 'users,customers' });
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), config, dependencies);

    await runStep(addToDefaultGroups, context);

    expect(logs.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', message: 'Could not add the user to a group', group: 'users' }),
        expect.objectContaining({ level: 'info', message: 'User added to group', group: 'customers' }),
      ]),
    );
  });

  it('is off when DEFAULT_GROUP is empty', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(
      loadFixture('PostConfirmation_ConfirmSignUp'),
      testConfig({ DEFAULT_GROUP: '' }),
      dependencies,
    );

    await runStep(addToDefaultGroups, context);

    expect(dependencies.groups.add).not.toHaveBeenCalled();
  });

  it('does nothing after a password reset', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmForgotPassword'), undefined, dependencies);

    await runStep(addToDefaultGroups, context);

    expect(dependencies.groups.add).not.toHaveBeenCalled();
  });
});
