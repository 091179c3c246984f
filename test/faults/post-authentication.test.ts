/*
 * PostAuthentication under dependency faults, row by row of the failure policy: the answer Cognito gets and when,
 * and that the user's next sign-ins — the same event delivered three times in a row and three times at once — then
 * complete the onboarding exactly once.
 */
import { createPostAuthenticationHandler } from '@functions/post-authentication/handler';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { firstSignIn, testConfig } from '@test/unit/post-authentication/support';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import { arrangeFault, expectOutcome, redeliver } from './fault-injection';
import { expectOnboardedInCognito, onboardingHarness } from './onboarding-harness';

const SUB = '3c1f7a9e-50b2-70d4-8e6f-2a9d4c7b1e05';
const GROUP = 'users';
const harness = onboardingHarness();

function invoke(event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> {
  const handler = createPostAuthenticationHandler(
    testConfig({ USER_PROFILES_TABLE: harness.table, RECORD_LAST_SIGN_IN: 'true' }),
    harness.dependencies(new Date('2026-11-26T10:15:00.000Z')),
  );
  return handler(event, lambdaContext());
}

const profile = () => harness.profile(SUB);

/** The faulty sign-in of each row, how each fault is produced, and what must (not yet) have happened after it. */
const SCENARIOS: {
  [Id in RowIdOf<'PostAuthentication'>]: {
    event(): PostAuthenticationTriggerEvent;
    faults: Record<FaultOf<Id>, () => void>;
    afterFault(): Promise<void>;
  };
} = {
  'post-authentication-profile': {
    event: firstSignIn,
    faults: harness.arrange.dynamoDb,
    afterFault: async () => {
      expect(await profile()).toBeUndefined();
      expect(harness.marked.size).toBe(0);
      expect(await harness.ses.emails()).toHaveLength(0);
    },
  },
  'post-authentication-ses': {
    event: firstSignIn,
    faults: harness.arrange.ses,
    afterFault: async () => {
      expect(await profile()).toMatchObject({ welcomeEmailAttempts: { N: '1' }, outbox: { S: 'due' } });
      expect([...harness.marked]).toEqual([SUB]);
      expect(await harness.ses.emails()).toHaveLength(0);
    },
  },
  'post-authentication-onboarding': {
    event: firstSignIn,
    faults: harness.arrange.cognito,
    afterFault: async () => {
      expect(harness.memberships.size).toBe(0);
      expect(harness.marked.size).toBe(0);
      expect(await harness.ses.emails()).toHaveLength(1);
    },
  },
  'post-authentication-sign-in': {
    event: () => loadFixture('PostAuthentication_Authentication'),
    faults: harness.arrange.dynamoDb,
    afterFault: async () => {
      expect(await profile()).toBeUndefined();
    },
  },
};

describe.each(rowsOf('PostAuthentication'))('PostAuthentication when $dependency fails: $call', (row) => {
  const scenario = SCENARIOS[row.id];

  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline; the next sign-ins then do the work exactly once`,
    async (fault) => {
      const event = scenario.event();
      arrangeFault(scenario.faults, fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      await scenario.afterFault();

      await harness.recover();
      await redeliver(invoke, event);
      if (row.id === 'post-authentication-sign-in') {
        // An onboarded user's sign-in: the one write is the sign-in record, which needs a profile to land on.
        expect(harness.memberships.size + harness.marked.size).toBe(0);
        return;
      }
      expect(await profile()).toMatchObject({ sub: { S: SUB }, welcomeEmailSentAt: expect.anything() });
      expect((await harness.ses.emails()).map((email) => email.destination.to)).toEqual([['amara.okafor@example.com']]);
      // The faulty delivery, then the six of redeliver().
      expectOnboardedInCognito(harness, { user: SUB, group: GROUP, deliveries: 7 });
      expect(harness.stdoutText()).not.toContain('amara.okafor@example.com');
    },
  );
});

describe('an onboarded user’s sign-in', () => {
  it('makes no call at all without recordLastSignIn, delivered three times in a row and three times at once', async () => {
    harness.faults.dynamoDb('unreachable');
    harness.faults.ses('unreachable');
    harness.faults.cognito('fails');
    const handler = createPostAuthenticationHandler(
      testConfig({ USER_PROFILES_TABLE: harness.table }),
      harness.dependencies(new Date('2026-11-26T10:15:00.000Z')),
    );

    const answers = await redeliver(
      (event) => handler(event, lambdaContext()),
      loadFixture('PostAuthentication_Authentication'),
    );

    expect(answers).toHaveLength(6);
    expect(harness.stdoutText()).not.toMatch(/"level":"(error|warn)"/);
  });
});
