/*
 * PostConfirmation under dependency faults, row by row of the failure policy: the answer Cognito gets and when,
 * and that redeliveries of the same event, once the dependency is back, complete the work exactly once.
 */
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { testConfig } from '@test/unit/post-confirmation/support';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import { arrangeFault, expectOutcome, redeliver } from './fault-injection';
import { expectOnboardedInCognito, onboardingHarness } from './onboarding-harness';

const SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const GROUP = 'users';
const harness = onboardingHarness();

function invoke(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  const handler = createPostConfirmationHandler(
    testConfig({ USER_PROFILES_TABLE: harness.table }),
    harness.dependencies(new Date('2026-11-26T10:15:00.000Z')),
  );
  return handler(event, lambdaContext());
}

const profile = () => harness.profile(SUB);

/** How each fault of each row is produced, and what must (not yet) have happened after the faulty invocation. */
const SCENARIOS: {
  [Id in RowIdOf<'PostConfirmation'>]: { faults: Record<FaultOf<Id>, () => void>; afterFault(): Promise<void> };
} = {
  'post-confirmation-profile': {
    faults: harness.arrange.dynamoDb,
    afterFault: async () => {
      expect(await profile()).toBeUndefined();
      expect(await harness.ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-email-claim': {
    faults: { 'stops mid-run': () => harness.faults.dynamoDbStopsBefore(2) },
    afterFault: async () => {
      await harness.recover();
      expect(await profile()).toMatchObject({ welcomeEmailDueFor: expect.anything(), outbox: { S: 'due' } });
      expect(await harness.ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-ses': {
    faults: harness.arrange.ses,
    afterFault: async () => {
      expect(await profile()).toMatchObject({ welcomeEmailAttempts: { N: '1' }, outbox: { S: 'due' } });
      expect(await profile()).not.toHaveProperty('welcomeEmailClaimId');
      expect(await harness.ses.emails()).toHaveLength(0);
    },
  },
  'post-confirmation-groups': {
    faults: harness.arrange.cognito,
    afterFault: async () => {
      expect(harness.memberships.size).toBe(0);
      expect(harness.marked.size).toBe(0);
      expect(await harness.ses.emails()).toHaveLength(1);
    },
  },
};

describe.each(rowsOf('PostConfirmation'))('PostConfirmation when $dependency fails: $call', (row) => {
  const scenario = SCENARIOS[row.id];

  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline; redeliveries then do the work exactly once`,
    async (fault) => {
      const event = loadFixture('PostConfirmation_ConfirmSignUp');
      arrangeFault(scenario.faults, fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      await scenario.afterFault();

      await harness.recover();
      await redeliver(invoke, event);
      expect(await profile()).toMatchObject({ sub: { S: SUB }, welcomeEmailSentAt: expect.anything() });
      expect((await harness.ses.emails()).map((email) => email.destination.to)).toEqual([
        ['jonas.lindqvist@example.com'],
      ]);
      // The faulty delivery, then the six of redeliver().
      expectOnboardedInCognito(harness, { user: SUB, group: GROUP, deliveries: 7 });
      expect(harness.stdoutText()).not.toContain('jonas.lindqvist@example.com');
    },
  );
});
