/*
 * PreTokenGeneration calls no AWS service; its one failure is an answer that breaks Cognito's rules (here a team's
 * own step that sets a reserved claim). Row by row of the failure policy: the answer Cognito gets, delivered again as
 * Cognito may, and that the same event gets its claims once the step is fixed.
 */

import { PRE_TOKEN_GENERATION_STEPS } from '@functions/pre-token-generation/steps';
import { addClaims } from '@functions/pre-token-generation/token-changes';
import type { PreTokenGenerationEvent } from '@functions/pre-token-generation/token-event';
import type { PreTokenGenerationContext } from '@functions/pre-token-generation/trigger';
import { PRE_TOKEN_GENERATION } from '@functions/pre-token-generation/trigger';
import { createFlowHandler } from '@shared/handler';
import type { Step } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { testConfig } from '@test/unit/pre-token-generation/support';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import { arrangeFault, expectOutcome, redeliver } from './fault-injection';

let broken = false;
const stdout = captureStdoutLogsOfEachTest();

beforeEach(() => {
  broken = false;
});

/** A team's own step that, while `broken`, tries to change the token's subject. */
const overrideSubject: Step<PreTokenGenerationContext> = {
  name: 'override-subject',
  run({ event }) {
    if (broken) addClaims(event, ['access'], { sub: 'someone-else' });
  },
};

function invoke(event: PreTokenGenerationEvent, requiredClaims = ''): Promise<PreTokenGenerationEvent> {
  const steps = [overrideSubject, ...PRE_TOKEN_GENERATION_STEPS];
  const config = testConfig({ LOG_LEVEL: 'debug', REQUIRED_CLAIMS: requiredClaims });
  return createFlowHandler(PRE_TOKEN_GENERATION, steps, config, {})(event, lambdaContext());
}

const SCENARIOS: { [Id in RowIdOf<'PreTokenGeneration'>]: Record<FaultOf<Id>, () => void> } = {
  'pre-token-generation-check': {
    fails: () => {
      broken = true;
    },
  },
};

describe.each(rowsOf('PreTokenGeneration'))('PreTokenGeneration when $dependency fails: $call', (row) => {
  it.each(['TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens'] as const)(
    `${row.faults.join(', ')} on %s: ${row.outcome}, with Cognito's tokens unchanged; the same event then gets its claims`,
    async (source) => {
      const event = loadFixture(source);
      for (const fault of row.faults) arrangeFault(SCENARIOS[row.id], fault);

      const settled = await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      expect(settled).toMatchObject({
        status: 'fulfilled',
        value: { response: { claimsAndScopeOverrideDetails: null } },
      });
      expect(stdout.entries()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining('Cognito issues its tokens unchanged'),
          violations: [{ rule: 'reserved-claim', part: 'access', name: 'sub' }],
        }),
      );

      const failing = await redeliver(invoke, event);
      expect(failing.map((answer) => answer.response.claimsAndScopeOverrideDetails)).toEqual(Array(6).fill(null));

      broken = false;
      const answers = await redeliver(invoke, event);
      expect(new Set(answers.map((answer) => JSON.stringify(answer.response))).size).toBe(1);
      expect(answers[0]?.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual(
        expect.objectContaining({ tenant_id: 'acme-logistics', roles: ['admin', 'auditor', 'member'] }),
      );
    },
  );

  it('refuses the sign-in, every delivery alike, when the dropped answer held a required claim', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    broken = true;

    const outcomes = await Promise.allSettled([1, 2, 3].map(() => invoke(structuredClone(event), 'tenant_id')));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcomes[0]).toMatchObject({
      reason: { name: 'UserFacingError', message: expect.stringMatching(/^We could not sign you in/) },
    });
  });
});
