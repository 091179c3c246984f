import { DependencyError } from '@shared/errors';
import { createLogger } from '@shared/logger';
import { deliverDueEmail, retryDelayMs } from '@shared/onboarding/email-delivery';
import { sendDueEmail } from '@shared/onboarding/onboarding';
import { loadFixture } from '@test/helpers/fixtures';
import { recordedMetrics } from '@test/helpers/invocation';
import { captureLogs } from '@test/helpers/log-capture';
import { fakeOnboardingDependencies, NOW } from '@test/helpers/onboarding';
import { stepContext, testConfig } from '@test/unit/post-confirmation/support';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const SETTINGS = (() => {
  const { email, retry } = testConfig({ EMAIL_MAX_ATTEMPTS: '3' });
  if (email === undefined) throw new Error('The test configuration sends emails.');
  return { email, retry };
})();
const RECIPIENT = { sub: SUB, attributes: { email: 'jonas.lindqvist@example.com', name: 'Jonas Lindqvist' } };
const DEADLINE = new Date(NOW.getTime() + 4_200);

type Deps = ReturnType<typeof fakeOnboardingDependencies>;

function delivery() {
  const dependencies = fakeOnboardingDependencies();
  const logs = captureLogs();
  const metrics = recordedMetrics();
  const logger = createLogger({ level: 'debug', sink: logs.sink });
  const { signal } = new AbortController();
  return { dependencies, logs, metrics, signal, with: { ...dependencies, logger, metrics, signal } };
}

describe('deliverDueEmail', () => {
  it('claims the email until the deadline, sends it, records it as sent by the same claim and settles the outbox', async () => {
    const { dependencies, metrics, signal, with: deps } = delivery();

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('sent');

    const [[sub, duty, claim]] = dependencies.profiles.claimEmail.mock.calls as [
      [string, string, { id: string; expiresAt: string; now: string }],
    ];
    expect({ sub, duty }).toEqual({ sub: SUB, duty: 'welcomeEmail' });
    expect(claim).toEqual({ id: expect.any(String), expiresAt: '2026-11-26T10:15:04.200Z', now: NOW.toISOString() });
    expect(dependencies.mailer.send).toHaveBeenCalledWith(
      {
        from: 'Example <no-reply@example.com>',
        to: 'jonas.lindqvist@example.com',
        replyTo: 'support@example.com',
        subject: 'Welcome to Example App',
        html: expect.stringContaining('Welcome, Jonas Lindqvist!'),
        text: expect.stringContaining('Welcome, Jonas Lindqvist!'),
      },
      signal,
    );
    expect(dependencies.profiles.completeEmail).toHaveBeenCalledWith(
      SUB,
      'welcomeEmail',
      claim.id,
      NOW.toISOString(),
      signal,
    );
    expect(dependencies.profiles.settleOutbox).toHaveBeenCalledWith(SUB, signal);
    expect(metrics.counted).toEqual({ EmailsSent: 1 });
  });

  it('uses a new claim id on every try', async () => {
    const { dependencies, with: deps } = delivery();

    await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE);
    await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE);

    const ids = dependencies.profiles.claimEmail.mock.calls.map(([, , claim]) => claim.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('sends nothing when another invocation holds the claim or the email was sent or parked', async () => {
    const { dependencies, logs, with: deps } = delivery();
    dependencies.profiles.claimEmail.mockResolvedValueOnce(false);

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('not-claimed');

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        message: 'Email not due, already sent, or being sent by another invocation; not sending',
      }),
    );
  });

  it('counts a failed send by the error’s name, with the retry after the backoff of its attempt, and does not throw', async () => {
    const { dependencies, logs, with: deps } = delivery();
    const throttled = Object.assign(new Error('Maximum sending rate exceeded for jonas.lindqvist@example.com'), {
      name: 'Throttling',
    });
    dependencies.mailer.send.mockRejectedValueOnce(
      new DependencyError('Could not send an email through SES.', { cause: throttled, dependency: 'SES' }),
    );

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('retrying');

    const claimId = dependencies.profiles.claimEmail.mock.calls[0]?.[2].id;
    const [[, , heldBy, failure]] = dependencies.profiles.failEmail.mock.calls as [
      [string, string, string, { at: string; error: string; maxAttempts: number; retryAt(attempts: number): string }],
    ];
    expect({ heldBy, at: failure.at, error: failure.error, maxAttempts: failure.maxAttempts }).toEqual({
      heldBy: claimId,
      at: NOW.toISOString(),
      error: 'Throttling',
      maxAttempts: 3,
    });
    expect(failure.retryAt(1)).toBe('2026-11-26T10:16:00.000Z');
    expect(failure.retryAt(3)).toBe('2026-11-26T10:19:00.000Z');
    expect(dependencies.profiles.completeEmail).not.toHaveBeenCalled();
    expect(dependencies.profiles.settleOutbox).toHaveBeenCalledWith(SUB, deps.signal);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Could not send the email; the outbox tries again' }),
    );
  });

  it('reports an email the store parked after its last attempt', async () => {
    const { dependencies, logs, with: deps } = delivery();
    dependencies.mailer.send.mockRejectedValueOnce(new Error('down'));
    dependencies.profiles.failEmail.mockResolvedValueOnce('parked');

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('parked');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Could not send the email; it is parked for an operator' }),
    );
  });

  it('counts a profile without a usable address as a failed send, so it is parked rather than tried for ever', async () => {
    const { dependencies, with: deps } = delivery();

    await deliverDueEmail(deps, SETTINGS, { sub: SUB, attributes: { email: 'nobody' } }, 'welcomeEmail', DEADLINE);

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(dependencies.profiles.failEmail).toHaveBeenCalledWith(
      SUB,
      'welcomeEmail',
      expect.any(String),
      expect.objectContaining({ error: 'NoUsableAddress' }),
      deps.signal,
    );
  });

  it('logs and does not throw when the profile store fails', async () => {
    const { dependencies, logs, with: deps } = delivery();
    dependencies.profiles.claimEmail.mockRejectedValueOnce(
      new DependencyError('Could not claim an email in the user profiles table.', {
        cause: new Error('down'),
        dependency: 'DynamoDB',
      }),
    );

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('failed');

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Email not sent; it stays due and the outbox sends it',
        error: expect.objectContaining({ name: 'DependencyError' }),
      }),
    );
  });

  it('warns when the email went out after its claim had lapsed', async () => {
    const { dependencies, logs, with: deps } = delivery();
    dependencies.profiles.completeEmail.mockResolvedValueOnce(false);

    expect(await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE)).toBe('lost-claim');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Email sent after its claim had lapsed; another invocation may send it too',
      }),
    );
  });

  it.each([
    ['sent', 'EmailsSent', () => undefined],
    ['not claimed', 'EmailsDuplicate', (d: Deps) => d.profiles.claimEmail.mockResolvedValueOnce(false)],
    ['sent after its claim lapsed', 'EmailsSent', (d: Deps) => d.profiles.completeEmail.mockResolvedValueOnce(false)],
    ['refused by SES', 'EmailsRetrying', (d: Deps) => d.mailer.send.mockRejectedValueOnce(new Error('down'))],
    [
      'refused by SES for the last time',
      'EmailsParked',
      (d: Deps) => {
        d.mailer.send.mockRejectedValueOnce(new Error('down'));
        d.profiles.failEmail.mockResolvedValueOnce('parked');
      },
    ],
    [
      'refused by SES after another invocation took the claim over',
      'EmailsRetrying',
      (d: Deps) => {
        d.mailer.send.mockRejectedValueOnce(new Error('down'));
        d.profiles.failEmail.mockResolvedValueOnce('not-held');
      },
    ],
    [
      'accepted by SES but not recorded',
      'EmailsSent',
      (d: Deps) => d.profiles.completeEmail.mockRejectedValueOnce(new Error('down')),
    ],
    [
      'not claimable (DynamoDB down)',
      'EmailsFailed',
      (d: Deps) => d.profiles.claimEmail.mockRejectedValueOnce(new Error('down')),
    ],
  ] as const)('counts an email %s as %s, once', async (_case, metric, arrange) => {
    const { dependencies, metrics, with: deps } = delivery();
    arrange(dependencies);

    await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE);

    expect(metrics.counted).toEqual({ [metric]: 1 });
  });

  it('writes neither the address nor the name into any log line, even on failure', async () => {
    const { dependencies, logs, with: deps } = delivery();
    dependencies.mailer.send.mockRejectedValueOnce(new Error('Rejected'));
    dependencies.profiles.failEmail.mockRejectedValueOnce(new Error('down'));

    await deliverDueEmail(deps, SETTINGS, RECIPIENT, 'welcomeEmail', DEADLINE);

    const output = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(output).not.toContain('jonas.lindqvist');
    expect(output).not.toContain('Jonas');
  });
});

describe('retryDelayMs', () => {
  it('doubles from a minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 7, 12].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
  });
});

describe('sendDueEmail', () => {
  it('sends nothing, with an info log, when EMAIL_FROM is unset', async () => {
    const { context, logs } = stepContext(
      loadFixture('PostConfirmation_ConfirmSignUp'),
      testConfig({ EMAIL_FROM: undefined }),
    );

    await sendDueEmail(context, 'welcomeEmail');

    expect(context.profiles.claimEmail).not.toHaveBeenCalled();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'Emails are off or the user has no usable email address; not sending' }),
    );
  });

  it.each([
    ['no email attribute', undefined],
    ['an unusable email attribute', 'not-an-address'],
  ])('sends nothing to a user with %s', async (_case, email) => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    if (email === undefined) delete event.request.userAttributes['email'];
    else event.request.userAttributes['email'] = email;
    const { context } = stepContext(event);

    await sendDueEmail(context, 'welcomeEmail');

    expect(context.profiles.claimEmail).not.toHaveBeenCalled();
  });

  it('claims until the invocation’s deadline', async () => {
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'));
    context.remainingTimeMs = () => 4_200;

    await sendDueEmail(context, 'welcomeEmail');

    expect(context.profiles.claimEmail).toHaveBeenCalledWith(
      SUB,
      'welcomeEmail',
      expect.objectContaining({ expiresAt: '2026-11-26T10:15:04.200Z' }),
      context.signal,
    );
  });
});
