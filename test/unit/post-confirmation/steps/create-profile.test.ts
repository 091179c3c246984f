import { createProfile } from '@functions/post-confirmation/steps/create-profile';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, NOW, runStep, stepContext } from '../support';

describe('create-profile step', () => {
  it('creates the profile of a confirmed sign-up and marks the welcome email due', async () => {
    const dependencies = fakeDependencies();
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await runStep(createProfile, context);

    expect(dependencies.profiles.create).toHaveBeenCalledWith(
      {
        sub: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19',
        userName: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19',
        createdAt: NOW.toISOString(),
        createdBy: 'PostConfirmation_ConfirmSignUp',
        attributes: { email: 'jonas.lindqvist@example.com', name: 'Jonas Lindqvist' },
      },
      ['welcomeEmail'],
      '2026-11-26T10:15:05.000Z',
      context.signal,
    );
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'info', message: 'Profile created' }));
  });

  it('leaves an existing profile alone and says so', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.create.mockResolvedValueOnce('exists');
    const { context, logs } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await runStep(createProfile, context);

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'Profile already exists; left unchanged' }),
    );
  });

  it('owes no welcome email to a user without a usable address', async () => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    event.request.userAttributes['email'] = 'not-an-address';
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(createProfile, context);

    expect(dependencies.profiles.create).toHaveBeenCalledWith(
      expect.anything(),
      [],
      expect.any(String),
      context.signal,
    );
  });

  it('creates the profile of a user confirmed by a password reset who was never onboarded', async () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');
    delete event.request.userAttributes['custom:onboarded'];
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(createProfile, context);

    expect(dependencies.profiles.create).toHaveBeenCalledWith(
      expect.objectContaining({ createdBy: 'PostConfirmation_ConfirmForgotPassword' }),
      ['welcomeEmail'],
      expect.any(String),
      context.signal,
    );
  });

  it('reads and writes nothing for a user onboarded already', async () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(createProfile, context);

    expect(dependencies.profiles.create).not.toHaveBeenCalled();
  });

  it('fails with the store’s DependencyError when the profile cannot be written', async () => {
    const dependencies = fakeDependencies();
    const failure = new DependencyError('Could not create a profile in the user profiles table.', {
      cause: new Error('throttled'),
      dependency: 'DynamoDB',
    });
    dependencies.profiles.create.mockRejectedValueOnce(failure);
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await expect(runStep(createProfile, context)).rejects.toBe(failure);
  });

  it('fails naming the field when the event has no sub', async () => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    delete event.request.userAttributes['sub'];
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await expect(runStep(createProfile, context)).rejects.toThrow(
      'request.userAttributes.sub must be a non-empty string',
    );
    expect(dependencies.profiles.create).not.toHaveBeenCalled();
  });
});
