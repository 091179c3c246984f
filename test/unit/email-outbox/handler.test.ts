import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmailOutboxHandler, handler } from '@functions/email-outbox/handler';
import { DependencyError } from '@shared/errors';
import { createLogger } from '@shared/logger';
import type { DueProfile } from '@shared/onboarding/profile-store';
import { emfProblems } from '@test/helpers/emf';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureLogs } from '@test/helpers/log-capture';
import { fakeMailer, fakeProfileStore, NOW } from '@test/helpers/onboarding';
import type { ScheduledEvent } from 'aws-lambda';
import { testConfig } from './support';

const SCHEDULED: ScheduledEvent = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/scheduled/email-outbox.json'), 'utf8'),
) as ScheduledEvent;

const OUTBOX_AT = '2026-11-26T10:14:00.000Z';
const DUE: DueProfile[] = [
  {
    sub: 'sub-1',
    outboxAt: OUTBOX_AT,
    attributes: { email: 'amara.okafor@example.com', name: 'Amara Okafor' },
    pending: ['welcomeEmail'],
  },
  {
    sub: 'sub-2',
    outboxAt: OUTBOX_AT,
    attributes: { email: 'lena.fischer@example.com', locale: 'de' },
    pending: ['welcomeEmail', 'passwordNotice'],
  },
  { sub: 'sub-3', outboxAt: OUTBOX_AT, attributes: {}, pending: [] },
];

/** A full page of the outbox: 25 profiles with a welcome email due, named `<prefix>-0` to `<prefix>-24`. */
function fullPage(prefix: string): DueProfile[] {
  return Array.from({ length: 25 }, (_, n) => ({
    sub: `${prefix}-${n}`,
    outboxAt: OUTBOX_AT,
    attributes: { email: `user.${n}@example.com` },
    pending: ['welcomeEmail'],
  }));
}

function setUp(env = {}) {
  const profiles = fakeProfileStore();
  const mailer = fakeMailer();
  const logs = captureLogs();
  const run = createEmailOutboxHandler(
    testConfig(env),
    { profiles, mailer, now: () => NOW },
    createLogger({ level: 'debug', sink: logs.sink }),
  );
  return { profiles, mailer, logs, run: () => run(structuredClone(SCHEDULED), lambdaContext(undefined, 60_000)) };
}

describe('emailOutbox handler', () => {
  it('sends every pending email of the due profiles, settles a profile with none, and stops at a page that is not full', async () => {
    const { profiles, mailer, run } = setUp();
    profiles.dueProfiles.mockResolvedValueOnce(DUE);

    const report = await run();

    expect(profiles.dueProfiles.mock.calls).toEqual([[NOW.toISOString(), 25, undefined]]);
    expect(mailer.send.mock.calls.map(([message]) => [message.to, message.subject])).toEqual([
      ['amara.okafor@example.com', 'Welcome to Example App'],
      ['lena.fischer@example.com', 'Willkommen bei Example App'],
      ['lena.fischer@example.com', 'Ihr Passwort für Example App wurde geändert'],
    ]);
    expect(profiles.settleOutbox).toHaveBeenCalledWith('sub-3');
    expect(report).toEqual({ profiles: 3, sent: 3, retrying: 0, parked: 0, skipped: 0, failed: 0 });
  });

  it('pages on after a full page whose emails another invocation holds, and reaches the profiles behind it', async () => {
    const { profiles, mailer, run } = setUp();
    const held = fullPage('held');
    profiles.dueProfiles.mockResolvedValueOnce(held).mockResolvedValueOnce(DUE.slice(0, 1));
    profiles.claimEmail.mockImplementation(async (sub) => !sub.startsWith('held-'));

    const report = await run();

    expect(profiles.dueProfiles.mock.calls).toEqual([
      [NOW.toISOString(), 25, undefined],
      [NOW.toISOString(), 25, held.at(-1)],
    ]);
    expect(mailer.send.mock.calls.map(([message]) => message.to)).toEqual(['amara.okafor@example.com']);
    expect(report).toMatchObject({ profiles: 26, skipped: 25, sent: 1 });
  });

  it('stops in the middle of a page when too little of its time is left, and starts no other', async () => {
    const { profiles, mailer } = setUp();
    profiles.dueProfiles.mockResolvedValue(fullPage('due'));
    let remaining = 30_000;
    mailer.send.mockImplementation(async () => {
      remaining -= 4_000;
    });
    const run = createEmailOutboxHandler(
      testConfig(),
      { profiles, mailer, now: () => NOW },
      createLogger({ sink: () => undefined }),
    );

    const report = await run(structuredClone(SCHEDULED), {
      ...lambdaContext(),
      getRemainingTimeInMillis: () => remaining,
    });

    expect(report).toMatchObject({ profiles: 5, sent: 5 });
    expect(profiles.dueProfiles).toHaveBeenCalledTimes(1);
  });

  it('ends its run with one line of metrics in the Embedded Metric Format, from the functions’ catalog', async () => {
    const { profiles, mailer, logs, run } = setUp();
    profiles.dueProfiles.mockResolvedValueOnce(DUE.slice(0, 2));
    mailer.send.mockRejectedValueOnce(new Error('down'));
    profiles.failEmail.mockResolvedValueOnce('parked');

    await run();

    const line = logs.entries().at(-1) ?? {};
    expect(emfProblems(line)).toEqual([]);
    expect(line).toMatchObject({
      message: 'Outbox swept',
      profiles: 2,
      FunctionName: 'cognito-flows-test-function',
      TriggerSource: 'Schedule',
      Accepted: 1,
      ColdStart: 1,
      EmailsSent: 2,
      EmailsParked: 1,
      Duration: expect.any(Number),
      coldStart: true,
      functionVersion: '$LATEST',
    });
    expect(line).not.toHaveProperty('EmailsRetrying');
  });

  it('counts a cold start on its first run only', async () => {
    const { logs, run } = setUp();

    await run();
    await run();

    const swept = logs.entries().filter((entry) => entry['message'] === 'Outbox swept');
    expect(swept.map((entry) => [entry['coldStart'], entry['ColdStart']])).toEqual([
      [true, 1],
      [false, undefined],
    ]);
  });

  it('ends a failed run with its metrics, the failure by the dependency that failed', async () => {
    const { profiles, logs, run } = setUp();
    profiles.dueProfiles.mockRejectedValueOnce(
      new DependencyError('Could not read the outbox of the user profiles table.', {
        cause: new Error('down'),
        dependency: 'DynamoDB',
      }),
    );

    await expect(run()).rejects.toThrow('Could not read the outbox');

    const line = logs.entries().at(-1) ?? {};
    expect(emfProblems(line)).toEqual([]);
    expect(line).toMatchObject({ level: 'error', Failed: 1, Dependency: 'DynamoDB', TriggerSource: 'Schedule' });
  });

  it('sweeps nothing while emails are off', async () => {
    const { profiles, run } = setUp({ EMAIL_FROM: undefined });

    expect(await run()).toMatchObject({ profiles: 0 });
    expect(profiles.dueProfiles).not.toHaveBeenCalled();
  });

  it('starts no page when too little of its time is left', async () => {
    const { profiles } = setUp();
    const run = createEmailOutboxHandler(
      testConfig(),
      { profiles, mailer: fakeMailer(), now: () => NOW },
      createLogger({ sink: () => undefined }),
    );

    await run(structuredClone(SCHEDULED), lambdaContext(undefined, 5_000));

    expect(profiles.dueProfiles).not.toHaveBeenCalled();
  });

  it('fails the run when the outbox cannot be read, so the next run tries again', async () => {
    const { profiles, logs, run } = setUp();
    profiles.dueProfiles.mockRejectedValueOnce(new Error('down'));

    await expect(run()).rejects.toThrow('down');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Could not sweep the outbox; the next run tries again' }),
    );
  });

  it('is the deployed entry point', () => {
    expect(typeof handler).toBe('function');
  });
});
