/*
 * DefineAuthChallenge calls nothing: its one failure is an event it cannot read. Row by row of the failure policy:
 * the answer Cognito gets and when, and that a well-formed event is decided again at once.
 */
import { createDefineAuthChallengeHandler } from '@functions/define-auth-challenge/handler';
import { COGNITO_DEADLINE_MS, settle } from '@test/helpers/deadline';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { testConfig } from '@test/unit/define-auth-challenge/support';
import { rowsOf } from './failure-policy';
import { redeliver } from './fault-injection';

captureStdoutLogsOfEachTest();

const handler = createDefineAuthChallengeHandler(testConfig());

describe.each(rowsOf('DefineAuthChallenge'))('DefineAuthChallenge, $dependency: $call', (row) => {
  it(`fails on an unreadable session (${row.outcome}) naming the field, before the deadline; a readable one is decided`, async () => {
    const event = loadFixture('DefineAuthChallenge_Authentication', 'wrong-answer');
    const broken = structuredClone(event) as unknown as { request: { session: unknown } };
    broken.request.session = 'not a list';

    const settled = await settle(() => handler(broken as never, lambdaContext()));

    expect(settled.elapsedMs).toBeLessThan(COGNITO_DEADLINE_MS);
    expect(settled).toMatchObject({
      status: 'rejected',
      reason: { name: 'InvalidEventError', message: expect.stringContaining('request.session must be an array.') },
    });
    const answers = await redeliver((again) => handler(again, lambdaContext()), event);
    expect(answers.map((answer) => answer.response.challengeName)).toEqual(Array(6).fill('CUSTOM_CHALLENGE'));
  });
});
