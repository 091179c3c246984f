/*
 * emailOutbox under dependency faults, row by row of the failure policy: a run that cannot read the outbox fails
 * and loses nothing; one whose claim cannot be written goes on and leaves the email due; a send SES refuses is
 * counted and tried again; runs after recovery — three in a row and three at once — send each due email exactly
 * once. An email SES accepted whose record is lost is sent again once its claim lapses, and only then.
 */
import { createEmailOutboxHandler } from '@functions/email-outbox/handler';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createLogger } from '@shared/logger';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { testConfig as outboxConfig } from '@test/unit/email-outbox/support';
import { testConfig as postConfirmationConfig } from '@test/unit/post-confirmation/support';
import type { ScheduledEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import { arrangeFault, expectOutcome } from './fault-injection';
import { onboardingHarness } from './onboarding-harness';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const T0 = new Date('2026-11-26T10:15:00.000Z');
const LATER = new Date(T0.getTime() + 24 * 3_600_000);
/** Past the backoff of any failed send of the test. */
const AFTER_BACKOFF = new Date(LATER.getTime() + 3_600_000);
const harness = onboardingHarness();

/** A confirmed sign-up whose welcome email SES refused: due in the outbox, its first attempt counted. */
async function dueWelcomeEmail(): Promise<void> {
  harness.faults.ses('unreachable');
  const confirm = createPostConfirmationHandler(
    postConfirmationConfig({ USER_PROFILES_TABLE: harness.table }),
    harness.dependencies(T0),
  );
  await confirm(loadFixture('PostConfirmation_ConfirmSignUp'), lambdaContext());
  await harness.recover();
}

/** One run of the outbox, its clock at `now`. */
function sweep(now: Date = LATER) {
  const handler = createEmailOutboxHandler(
    outboxConfig({ USER_PROFILES_TABLE: harness.table }),
    harness.dependencies(now),
    createLogger({ level: 'info' }),
  );
  return handler(
    { 'detail-type': 'Scheduled Event', time: now.toISOString() } as ScheduledEvent,
    lambdaContext(undefined, 20_000),
  );
}

const SCENARIOS: { [Id in RowIdOf<'EmailOutbox'>]: { faults: Record<FaultOf<Id>, () => void>; attempts: string } } = {
  'email-outbox-query': {
    faults: harness.arrange.dynamoDb,
    attempts: '1',
  },
  'email-outbox-claim': {
    // The run's first DynamoDB call, the query, succeeds; the claim is its second.
    faults: { 'stops mid-run': () => harness.faults.dynamoDbStopsBefore(2) },
    attempts: '1',
  },
  'email-outbox-ses': {
    faults: harness.arrange.ses,
    attempts: '2',
  },
};

describe.each(rowsOf('EmailOutbox'))('EmailOutbox when $dependency fails: $call', (row) => {
  const scenario = SCENARIOS[row.id];

  it.each([...row.faults])(`%s: ${row.outcome}; later runs send the email exactly once`, async (fault) => {
    await dueWelcomeEmail();
    arrangeFault(scenario.faults, fault);

    await expectOutcome(row.outcome, () => sweep() as never);
    await harness.recover();
    expect(await harness.ses.emails()).toHaveLength(0);
    expect(await harness.profile(SUB)).toMatchObject({
      welcomeEmailAttempts: { N: scenario.attempts },
      outbox: { S: 'due' },
    });

    for (let run = 0; run < 3; run += 1) await sweep(AFTER_BACKOFF);
    await Promise.all([sweep(AFTER_BACKOFF), sweep(AFTER_BACKOFF), sweep(AFTER_BACKOFF)]);
    expect((await harness.ses.emails()).map((email) => email.destination.to)).toEqual([
      ['jonas.lindqvist@example.com'],
    ]);
    expect(await harness.profile(SUB)).not.toHaveProperty('outbox');
  });
});

describe('EmailOutbox when the record of a sent email is lost', () => {
  it('leaves the claim in place until the run’s deadline, then sends the email a second time', async () => {
    await dueWelcomeEmail();
    // Query, claim, then SES accepts the email and dynalite stops before the record of it.
    harness.faults.dynamoDbStopsBefore(3);

    expect(await sweep()).toMatchObject({ failed: 1, sent: 0 });
    await harness.recover();
    expect(await harness.ses.emails()).toHaveLength(1);
    expect(await harness.profile(SUB)).toMatchObject({ welcomeEmailClaimId: expect.anything(), outbox: { S: 'due' } });

    await sweep(new Date(LATER.getTime() + 10_000));
    expect(await harness.ses.emails()).toHaveLength(1);
    await sweep(AFTER_BACKOFF);
    expect(await harness.ses.emails()).toHaveLength(2);
    expect(await harness.profile(SUB)).not.toHaveProperty('outbox');
  });
});
