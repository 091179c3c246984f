import { recordPasswordChange } from '@functions/post-confirmation/steps/record-password-change';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, runStep, stepContext, testConfig } from '../support';

describe('record-password-change step', () => {
  it('records the change now, treating a change recorded within the dedupe window as this one', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ PASSWORD_CHANGE_DEDUPE_SECONDS: '300' });
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmForgotPassword'), config, dependencies);

    await runStep(recordPasswordChange, context);

    expect(dependencies.profiles.recordPasswordChange).toHaveBeenCalledWith(
      expect.objectContaining({
        sub: 'e7306c4b-1f8a-70d9-0b6e-5c2a7d94e318',
        createdBy: 'PostConfirmation_ConfirmForgotPassword',
        attributes: { email: 'lena.fischer@example.com', name: 'Lena Fischer', locale: 'en' },
      }),
      { at: '2026-11-26T10:15:00.000Z', duplicateAfter: '2026-11-26T10:10:00.000Z' },
      ['passwordNotice'],
      '2026-11-26T10:15:05.000Z',
      context.signal,
    );
    expect(logs.entries()).toContainEqual(expect.objectContaining({ message: 'Password change recorded' }));
  });

  it('logs a duplicate delivery', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.recordPasswordChange.mockResolvedValueOnce('duplicate');
    const { context, logs } = stepContext(
      loadFixture('PostConfirmation_ConfirmForgotPassword'),
      undefined,
      dependencies,
    );

    await runStep(recordPasswordChange, context);

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'Password change already recorded; duplicate delivery' }),
    );
  });

  it('does nothing after a sign-up', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await runStep(recordPasswordChange, context);

    expect(dependencies.profiles.recordPasswordChange).not.toHaveBeenCalled();
  });

  it('fails with the store’s DependencyError when the change cannot be recorded', async () => {
    const dependencies = fakeDependencies();
    const failure = new DependencyError('Could not record a password change in the user profiles table.', {
      cause: new Error('down'),
      dependency: 'DynamoDB',
    });
    dependencies.profiles.recordPasswordChange.mockRejectedValueOnce(failure);
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmForgotPassword'), undefined, dependencies);

    await expect(runStep(recordPasswordChange, context)).rejects.toBe(failure);
  });
});
