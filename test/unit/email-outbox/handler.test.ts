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

const DUE: DueProfile[] = [
  { sub: 'sub-1', attributes: { email: 'amara.okafor@example.com', name: 'Amara Okafor' }, pending: ['welcomeEmail'] },
  {
    sub: 'sub-2',
    attributes: { email: 'lena.fischer@example.com', locale: 'de' },
    pending: ['welcomeEmail', 'passwordNotice'],
  },
  { sub: 'sub-3', attributes: {}, pending: [] },
];

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
  it('sends every pending email of the due profiles, settles a profile with none, and reads until the outbox is empty', async () => {
    const { profiles, mailer, run } = setUp();
    profiles.dueProfiles.mockResolvedValueOnce(DUE);

    const report = await run();

    expect(profiles.dueProfiles).toHaveBeenCalledWith(NOW.toISOString(), 25);
    expect(profiles.dueProfiles).toHaveBeenCalledTimes(2);
    expect(mailer.send.mock.calls.map(([message]) => [message.to, message.subject])).toEqual([
      ['amara.okafor@example.com', 'Welcome to Example App'],
      ['lena.fischer@example.com', 'Willkommen bei Example App'],
      ['lena.fischer@example.com', 'Ihr Passwort für Example App wurde geändert'],
    ]);
    expect(profiles.settleOutbox).toHaveBeenCalledWith('sub-3');
    expect(report).toEqual({ profiles: 3, sent: 3, retrying: 0, parked: 0, skipped: 0, failed: 0 });
  });

  it('looks at a profile once per sweep, even when it is still due (another invocation holds its claim)', async () => {
    const { profiles, mailer, run } = setUp();
    profiles.dueProfiles.mockResolvedValue([DUE[0] as DueProfile]);
    profiles.claimEmail.mockResolvedValue(false);

    const report = await run();

    expect(profiles.dueProfiles).toHaveBeenCalledTimes(2);
    expect(mailer.send).not.toHaveBeenCalled();
    expect(report).toMatchObject({ profiles: 1, skipped: 1 });
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
