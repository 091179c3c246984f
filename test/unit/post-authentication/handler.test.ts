import { createPostAuthenticationHandler, handler } from '@functions/post-authentication/handler';
import { DependencyError, GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { fakeDependencies, firstSignIn, NOW, testConfig } from './support';

captureStdoutLogsOfEachTest();

function setUp(env = {}) {
  const dependencies = fakeDependencies();
  return { dependencies, handler: createPostAuthenticationHandler(testConfig(env), dependencies) };
}

/** Every call the handler made to its dependencies. */
function calls(dependencies: ReturnType<typeof fakeDependencies>): number {
  return [
    ...Object.values(dependencies.profiles),
    dependencies.groups.add,
    dependencies.marker.mark,
    dependencies.mailer.send,
  ].reduce((total, mock) => total + mock.mock.calls.length, 0);
}

describe('postAuthentication handler', () => {
  it('answers an onboarded user’s sign-in from the event alone: no call to any dependency, the event unchanged', async () => {
    const { dependencies, handler } = setUp();
    const event = loadFixture('PostAuthentication_Authentication');

    const result = await handler(structuredClone(event), lambdaContext());

    expect(result).toEqual(event);
    expect(calls(dependencies)).toBe(0);
  });

  it('onboards a user who signs in without having been onboarded: profile, group, mark, welcome email', async () => {
    const { dependencies, handler } = setUp();
    const event = firstSignIn();

    await handler(event, lambdaContext());

    expect(dependencies.profiles.create).toHaveBeenCalledWith(
      expect.objectContaining({
        sub: event.request.userAttributes['sub'],
        createdBy: 'PostAuthentication_Authentication',
      }),
      ['welcomeEmail'],
      expect.any(String),
      expect.any(AbortSignal),
    );
    const signal = expect.any(AbortSignal);
    expect(dependencies.groups.add).toHaveBeenCalledWith(event.userPoolId, event.userName, 'users', signal);
    expect(dependencies.marker.mark).toHaveBeenCalledWith(event.userPoolId, event.userName, signal);
    expect(dependencies.mailer.send).toHaveBeenCalledWith(
      expect.objectContaining({ subject: 'Welcome to Example App' }),
      signal,
    );
  });

  it('catches up a user onboarded by an older onboarding (another custom:onboarded version)', async () => {
    const { dependencies, handler } = setUp();
    const event = loadFixture('PostAuthentication_Authentication');
    event.request.userAttributes['custom:onboarded'] = '0';

    await handler(event, lambdaContext());

    expect(dependencies.profiles.create).toHaveBeenCalledTimes(1);
  });

  it('records the sign-in, and nothing else, for an onboarded user when RECORD_LAST_SIGN_IN is on', async () => {
    const { dependencies, handler } = setUp({ RECORD_LAST_SIGN_IN: 'true' });
    const event = loadFixture('PostAuthentication_Authentication');

    await handler(event, lambdaContext());

    expect(dependencies.profiles.recordSignIn).toHaveBeenCalledWith(
      event.request.userAttributes['sub'],
      NOW.toISOString(),
      expect.any(AbortSignal),
    );
    expect(calls(dependencies)).toBe(1);
  });

  it('lets the sign-in through when the sign-in cannot be recorded', async () => {
    const { dependencies, handler } = setUp({ RECORD_LAST_SIGN_IN: 'true' });
    dependencies.profiles.recordSignIn.mockRejectedValueOnce(
      new DependencyError('Could not record a sign-in in the user profiles table.', {
        cause: new Error('down'),
        dependency: 'DynamoDB',
      }),
    );

    await expect(handler(loadFixture('PostAuthentication_Authentication'), lambdaContext())).resolves.toBeDefined();
  });

  it('fails the sign-in with the generic message when the profile of a user being onboarded cannot be written', async () => {
    const { dependencies, handler } = setUp();
    dependencies.profiles.create.mockRejectedValueOnce(
      new DependencyError('Could not create a profile in the user profiles table.', {
        cause: new Error('Rate exceeded'),
        dependency: 'DynamoDB',
      }),
    );

    await expect(handler(firstSignIn(), lambdaContext())).rejects.toThrow(GENERIC_FAILURE_MESSAGE);
    expect(dependencies.marker.mark).not.toHaveBeenCalled();
    expect(dependencies.mailer.send).not.toHaveBeenCalled();
  });

  it('lets the sign-in through when a group or SES fails, leaving the user unmarked so the next sign-in catches up', async () => {
    const { dependencies, handler } = setUp();
    dependencies.groups.add.mockRejectedValueOnce(
      new DependencyError('Could not add the user to group "users".', { cause: new Error('x'), dependency: 'Cognito' }),
    );
    dependencies.mailer.send.mockRejectedValueOnce(
      new DependencyError('Could not send an email through SES.', { cause: new Error('x'), dependency: 'SES' }),
    );

    await expect(handler(firstSignIn(), lambdaContext())).resolves.toBeDefined();
    expect(dependencies.marker.mark).not.toHaveBeenCalled();
    expect(dependencies.profiles.failEmail).toHaveBeenCalledTimes(1);
  });

  it('is the deployed entry point', () => {
    expect(typeof handler).toBe('function');
  });
});
