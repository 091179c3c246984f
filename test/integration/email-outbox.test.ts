/*
 * The outbox end to end over real emulators (dynalite, aws-ses-v2-local): a welcome email the trigger could not
 * send is sent by the scheduled sweep exactly once, with no Cognito redelivery; one that keeps failing is parked,
 * and the sweep's EmailsParked metric counts it. Only the Cognito admin API is mocked (no emulator in this suite;
 * test/e2e covers it on the local pool).
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { createEmailOutboxHandler } from '@functions/email-outbox/handler';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createLogger } from '@shared/logger';
import type { NewProfile } from '@shared/onboarding/profile';
import { OUTBOX_INDEX } from '@shared/onboarding/profile-store';
import { onboardingHarness } from '@test/faults/onboarding-harness';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureLogs } from '@test/helpers/log-capture';
import { testConfig as outboxConfig } from '@test/unit/email-outbox/support';
import { testConfig as postConfirmationConfig } from '@test/unit/post-confirmation/support';
import type { ScheduledEvent } from 'aws-lambda';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const T0 = new Date('2026-11-26T10:15:00.000Z');
const SCHEDULED = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: T0.toISOString() } as ScheduledEvent;
const harness = onboardingHarness();

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Confirms the fixture's sign-up once, at T0. */
async function confirm(): Promise<void> {
  const handler = createPostConfirmationHandler(
    postConfirmationConfig({ USER_PROFILES_TABLE: harness.table, EMAIL_MAX_ATTEMPTS: '3' }),
    harness.dependencies(T0),
  );
  await handler(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext());
}

/** One scheduled run of the outbox at `now`; returns its report and its metrics line. */
async function sweep(now: Date) {
  const logs = captureLogs();
  const handler = createEmailOutboxHandler(
    outboxConfig({ USER_PROFILES_TABLE: harness.table }),
    harness.dependencies(now),
    createLogger({ level: 'info', sink: logs.sink }),
  );
  const report = await handler(SCHEDULED, lambdaContext(undefined, 60_000));
  return {
    report,
    metrics: logs.entries().find((entry) => entry['message'] === 'Outbox swept'),
    lines: logs.lines.join('\n'),
  };
}

async function outbox(state: 'due' | 'parked'): Promise<string[]> {
  const { Items = [] } = await harness.dynamo.admin.send(
    new QueryCommand({
      TableName: harness.table,
      IndexName: OUTBOX_INDEX,
      KeyConditionExpression: '#outbox = :state',
      ExpressionAttributeNames: { '#outbox': 'outbox' },
      ExpressionAttributeValues: { ':state': { S: state } },
    }),
  );
  return Items.map((item) => item['sub']?.S ?? '');
}

/** The `n`-th of many users with a welcome email due from `at(n)`: the lower `n`, the older the email. */
function manyUsers(count: number): NewProfile[] {
  return Array.from({ length: count }, (_, n) => ({
    sub: `sub-${String(n).padStart(2, '0')}`,
    userName: `user-${n}`,
    createdAt: at(n).toISOString(),
    createdBy: 'PostConfirmation_ConfirmSignUp',
    attributes: { email: `user.${n}@example.com` },
  }));
}

describe('the outbox', () => {
  it('pages past due emails another invocation still holds, and sends each of the others once', async () => {
    const users = manyUsers(30);
    const { profiles } = harness.dependencies(T0);
    for (const [n, user] of users.entries()) {
      await profiles.create(user, ['welcomeEmail'], at(n).toISOString());
    }
    // The oldest 25 — a whole page — are claimed by an invocation that is still running.
    for (const user of users.slice(0, 25)) {
      const claim = { id: `busy-${user.sub}`, now: at(40).toISOString(), expiresAt: at(3_600).toISOString() };
      expect(await profiles.claimEmail(user.sub, 'welcomeEmail', claim)).toBe(true);
    }

    const first = await sweep(at(65));

    expect(first.report).toMatchObject({ profiles: 30, skipped: 25, sent: 5, failed: 0 });
    const sentTo = async () => (await harness.ses.emails()).flatMap((email) => email.destination.to).sort();
    const addresses = users.map((user) => user.attributes.email);
    expect(await sentTo()).toEqual(addresses.slice(25).sort());

    // Once those claims lapse, the next sweep sends the 25, and none of the 5 again.
    expect((await sweep(at(3_601))).report).toMatchObject({ profiles: 25, sent: 25, skipped: 0 });
    expect(await sentTo()).toEqual(addresses.sort());
    expect(await outbox('due')).toEqual([]);
  });

  it('sends the welcome email SES could not take while the user confirmed, exactly once, with no event redelivered', async () => {
    harness.faults.ses('unreachable');
    await confirm();
    await harness.recover();
    expect(await harness.ses.emails()).toHaveLength(0);
    expect(await harness.profile(SUB)).toMatchObject({ welcomeEmailAttempts: { N: '1' } });
    expect(await outbox('due')).toEqual([SUB]);

    expect((await sweep(at(30))).report).toMatchObject({ profiles: 0, sent: 0 });
    const sending = await sweep(at(65));
    expect(sending.report).toMatchObject({ profiles: 1, sent: 1 });
    expect(sending.lines).not.toContain('jonas.lindqvist@example.com');
    const [email] = await harness.ses.emails();
    expect(email).toMatchObject({
      destination: { to: ['jonas.lindqvist@example.com'] },
      subject: 'Welcome to Example App',
    });

    for (let run = 0; run < 3; run += 1) await sweep(at(200));
    await Promise.all([sweep(at(200)), sweep(at(200)), sweep(at(200))]);
    expect(await harness.ses.emails()).toHaveLength(1);
    expect(await harness.profile(SUB)).toMatchObject({ welcomeEmailSentFor: { S: T0.toISOString() } });
    expect(await outbox('due')).toEqual([]);
    expect(harness.stdoutText()).not.toContain('jonas.lindqvist@example.com');
  });

  it('sends a due email once when three sweeps run at once', async () => {
    harness.faults.ses('unreachable');
    await confirm();
    await harness.recover();

    const reports = await Promise.all([sweep(at(65)), sweep(at(65)), sweep(at(65))]);

    expect(reports.map(({ report }) => report.sent).reduce((sum, sent) => sum + sent, 0)).toBe(1);
    expect(await harness.ses.emails()).toHaveLength(1);
  });

  it('parks an email SES keeps refusing after its last attempt, counts it in EmailsParked, and tries it no more', async () => {
    harness.faults.ses('unreachable');
    await confirm();

    const second = await sweep(at(65));
    expect(second.report).toMatchObject({ retrying: 1, parked: 0 });
    expect(second.metrics).toMatchObject({ EmailsRetrying: 1 });
    expect(second.metrics).not.toHaveProperty('EmailsParked');

    const third = await sweep(at(65 + 125));
    expect(third.report).toMatchObject({ retrying: 0, parked: 1 });
    expect(third.metrics).toMatchObject({ FunctionName: 'cognito-flows-test-function', EmailsParked: 1 });

    expect(await outbox('parked')).toEqual([SUB]);
    expect(await outbox('due')).toEqual([]);
    expect(await harness.profile(SUB)).toMatchObject({
      welcomeEmailAttempts: { N: '3' },
      welcomeEmailParkedFor: { S: T0.toISOString() },
    });

    await harness.recover();
    expect((await sweep(at(36_000))).report).toMatchObject({ profiles: 0 });
    expect(await harness.ses.emails()).toHaveLength(0);
  });
});
