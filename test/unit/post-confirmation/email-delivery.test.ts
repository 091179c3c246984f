import { deliverOnce } from '@functions/post-confirmation/email-delivery';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, stepContext, testConfig } from './support';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';

function signUp() {
  return loadFixture('PostConfirmation_ConfirmSignUp');
}

describe('deliverOnce', () => {
  it('claims the email until the deadline of the invocation, sends it, and records it as sent by the same claim', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(signUp(), testConfig(), dependencies);
    context.remainingTimeMs = () => 4_200;

    await deliverOnce(context, 'welcomeEmail');

    const [[sub, duty, claim]] = dependencies.profiles.claimEmail.mock.calls as [
      [string, string, { id: string; expiresAt: string; now: string }],
    ];
    expect({ sub, duty }).toEqual({ sub: SUB, duty: 'welcomeEmail' });
    expect(claim).toEqual({
      id: expect.any(String),
      expiresAt: '2026-11-26T10:15:04.200Z',
      now: '2026-11-26T10:15:00.000Z',
    });
    expect(dependencies.mailer.send).toHaveBeenCalledWith(
      {
        from: 'Example <no-reply@example.com>',
        to: 'jonas.lindqvist@example.com',
        replyTo: 'support@example.com',
        subject: 'Welcome to Example App',
        html: expect.stringContaining('Welcome, Jonas Lindqvist!'),
        text: expect.stringContaining('Welcome, Jonas Lindqvist!'),
      },
      context.signal,
    );
    expect(dependencies.profiles.completeEmail).toHaveBeenCalledWith(
      SUB,
      'welcomeEmail',
      claim.id,
      '2026-11-26T10:15:00.000Z',
      context.signal,
    );
    expect(dependencies.profiles.claimEmail.mock.calls[0]?.[3]).toBe(context.signal);
  });

  it('uses a new claim id on every invocation', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');
    await deliverOnce(context, 'welcomeEmail');

    const ids = dependencies.profiles.claimEmail.mock.calls.map(([, , claim]) => claim.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('sends nothing when another invocation holds the claim or the email was sent', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.claimEmail.mockResolvedValueOnce(false);
    const { context, logs } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'Email not due, already sent, or being sent by another invocation; not sending',
      }),
    );
  });

  it('releases the claim when SES fails, so that a retry sends the email, and does not throw', async () => {
    const dependencies = fakeDependencies();
    dependencies.mailer.send.mockRejectedValueOnce(
      new DependencyError('Could not send an email through SES.', {
        cause: new Error('Throttling'),
        dependency: 'SES',
      }),
    );
    const { context, logs } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    const claimId = dependencies.profiles.claimEmail.mock.calls[0]?.[2].id;
    expect(dependencies.profiles.releaseEmail).toHaveBeenCalledWith(SUB, 'welcomeEmail', claimId, context.signal);
    expect(dependencies.profiles.completeEmail).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Could not send the email; releasing its claim so that a retry sends it',
      }),
    );
  });

  it('logs and does not throw when the profile store fails', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.claimEmail.mockRejectedValueOnce(
      new DependencyError('Could not claim an email in the user profiles table.', {
        cause: new Error('down'),
        dependency: 'DynamoDB',
      }),
    );
    const { context, logs } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Email not sent; it stays due and is sent by a retry once no claim blocks it',
        error: expect.objectContaining({ name: 'DependencyError' }),
      }),
    );
  });

  it('warns when the email went out after its claim had lapsed', async () => {
    const dependencies = fakeDependencies();
    dependencies.profiles.completeEmail.mockResolvedValueOnce(false);
    const { context, logs } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Email sent after its claim had lapsed; another invocation may send it too',
      }),
    );
  });

  it('sends nothing, with an info log, when EMAIL_FROM is unset', async () => {
    const dependencies = fakeDependencies();
    const { context, logs } = stepContext(signUp(), testConfig({ EMAIL_FROM: undefined }), dependencies);

    await deliverOnce(context, 'welcomeEmail');

    expect(dependencies.profiles.claimEmail).not.toHaveBeenCalled();
    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'Emails are off (EMAIL_FROM is not set); not sending' }),
    );
  });

  it.each([
    ['no email attribute', undefined],
    ['an unusable email attribute', 'not-an-address'],
  ])('sends nothing, with an info log, to a user with %s', async (_case, email) => {
    const event = signUp();
    if (email === undefined) delete event.request.userAttributes['email'];
    else event.request.userAttributes['email'] = email;
    const dependencies = fakeDependencies();
    const { context, logs } = stepContext(event, undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    expect(dependencies.profiles.claimEmail).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'The user has no usable email address; not sending' }),
    );
  });

  it('writes neither the address nor the name into any log line, even on failure', async () => {
    const dependencies = fakeDependencies();
    dependencies.mailer.send.mockRejectedValueOnce(new Error('Rejected'));
    dependencies.profiles.releaseEmail.mockRejectedValueOnce(new Error('down'));
    const { context, logs } = stepContext(signUp(), undefined, dependencies);

    await deliverOnce(context, 'welcomeEmail');

    const output = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(output).not.toContain('jonas.lindqvist');
    expect(output).not.toContain('Jonas');
  });

  describe('counts each email that was due once', () => {
    const cases: [string, (dependencies: ReturnType<typeof fakeDependencies>) => void, object][] = [
      ['sent', () => undefined, { EmailsSent: 1 }],
      [
        'a duplicate',
        (dependencies) => dependencies.profiles.claimEmail.mockResolvedValueOnce(false),
        { EmailsDuplicate: 1 },
      ],
      [
        'failed when SES fails',
        (dependencies) => dependencies.mailer.send.mockRejectedValueOnce(new Error('Throttling')),
        { EmailsFailed: 1 },
      ],
      [
        'failed when releasing its claim fails too',
        (dependencies) => {
          dependencies.mailer.send.mockRejectedValueOnce(new Error('Throttling'));
          dependencies.profiles.releaseEmail.mockRejectedValueOnce(new Error('down'));
        },
        { EmailsFailed: 1 },
      ],
      [
        'sent when recording it fails',
        (dependencies) => dependencies.profiles.completeEmail.mockRejectedValueOnce(new Error('down')),
        { EmailsSent: 1 },
      ],
    ];

    it.each(cases)('as %s', async (_what, arrange, counted) => {
      const dependencies = fakeDependencies();
      arrange(dependencies);
      const { context, metrics } = stepContext(signUp(), testConfig(), dependencies);

      await deliverOnce(context, 'welcomeEmail');

      expect(metrics.counted).toEqual(counted);
    });

    it('and counts none when emails are off', async () => {
      const { context, metrics } = stepContext(signUp(), testConfig({ EMAIL_FROM: '' }));

      await deliverOnce(context, 'welcomeEmail');

      expect(metrics.counted).toEqual({});
    });
  });
});
