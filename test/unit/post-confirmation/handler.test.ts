import { createPostConfirmationHandler, handler } from '@functions/post-confirmation/handler';
import { DependencyError, GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { fakeDependencies, testConfig } from './support';

const stdout = captureStdoutLogsOfEachTest();

function setUp(env = {}) {
  const dependencies = fakeDependencies();
  return { dependencies, handler: createPostConfirmationHandler(testConfig(env), dependencies) };
}

describe('postConfirmation handler', () => {
  it('after a sign-up: creates the profile, adds the default group, sends the welcome email, returns the event', async () => {
    const { dependencies, handler } = setUp();
    const event = loadFixture('PostConfirmation_ConfirmSignUp');

    const result = await handler(structuredClone(event), lambdaContext());

    expect(result).toEqual(event);
    expect(dependencies.profiles.create).toHaveBeenCalledTimes(1);
    expect(dependencies.groups.add).toHaveBeenCalledWith(
      event.userPoolId,
      event.userName,
      'users',
      expect.any(AbortSignal),
    );
    expect(dependencies.mailer.send).toHaveBeenCalledWith(
      expect.objectContaining({ subject: 'Welcome to Example App' }),
      expect.any(AbortSignal),
    );
    expect(dependencies.profiles.recordPasswordChange).not.toHaveBeenCalled();
  });

  it('after a password reset: records the change and sends the notice, with no welcome email and no group change', async () => {
    const { dependencies, handler } = setUp();

    await handler(loadFixture('PostConfirmation_ConfirmForgotPassword'), lambdaContext());

    expect(dependencies.profiles.recordPasswordChange).toHaveBeenCalledTimes(1);
    expect(dependencies.mailer.send.mock.calls.map(([message]) => message.subject)).toEqual([
      'Your Example App password was changed',
    ]);
    expect(dependencies.profiles.create).not.toHaveBeenCalled();
    expect(dependencies.groups.add).not.toHaveBeenCalled();
  });

  it('fails with the generic message, and sends nothing, when the profile cannot be written', async () => {
    const { dependencies, handler } = setUp();
    dependencies.profiles.create.mockRejectedValueOnce(
      new DependencyError('Could not create a profile in the user profiles table.', {
        cause: new Error('Rate exceeded'),
        dependency: 'DynamoDB',
      }),
    );

    await expect(handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext())).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );
    expect(dependencies.groups.add).not.toHaveBeenCalled();
    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(stdout.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Trigger failed',
        error: expect.objectContaining({ name: 'DependencyError' }),
      }),
    );
  });

  it('fails with the generic message when a password change cannot be recorded', async () => {
    const { dependencies, handler } = setUp();
    dependencies.profiles.recordPasswordChange.mockRejectedValueOnce(
      new DependencyError('Could not record a password change in the user profiles table.', {
        cause: new Error('down'),
        dependency: 'DynamoDB',
      }),
    );

    await expect(handler(loadFixture('PostConfirmation_ConfirmForgotPassword'), lambdaContext())).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );
    expect(dependencies.mailer.send).not.toHaveBeenCalled();
  });

  it('confirms the user when the group cannot be joined, and still sends the welcome email', async () => {
    const { dependencies, handler } = setUp();
    dependencies.groups.add.mockRejectedValueOnce(
      new DependencyError('Could not add the user to group "users".', {
        cause: new Error('nope'),
        dependency: 'Cognito',
      }),
    );

    await expect(handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext())).resolves.toBeDefined();
    expect(dependencies.mailer.send).toHaveBeenCalledTimes(1);
  });

  it('confirms the user when SES fails', async () => {
    const { dependencies, handler } = setUp();
    dependencies.mailer.send.mockRejectedValueOnce(
      new DependencyError('Could not send an email through SES.', {
        cause: new Error('Throttling'),
        dependency: 'SES',
      }),
    );

    await expect(handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext())).resolves.toBeDefined();
  });

  it('rejects an event without a sub with a message naming the field', async () => {
    const { handler } = setUp();
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    delete event.request.userAttributes['sub'];

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      'Invalid PostConfirmation event: request.userAttributes.sub must be a non-empty string.',
    );
  });

  it('writes no email address or name to the logs', async () => {
    const { handler } = setUp();

    await handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext());
    await handler(loadFixture('PostConfirmation_ConfirmForgotPassword'), lambdaContext());

    const output = stdout.lines.join('\n');
    expect(stdout.entries()).toContainEqual(expect.objectContaining({ message: 'Email sent' }));
    expect(output).not.toMatch(/jonas|lena|lindqvist|fischer/i);
  });
});

describe('handler (the Lambda entry point)', () => {
  it('is built from the environment and checks the event before calling AWS', async () => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    event.request.userAttributes['sub'] = '';

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      'request.userAttributes.sub must be a non-empty string',
    );
  });
});
