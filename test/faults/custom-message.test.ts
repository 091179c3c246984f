/*
 * CustomMessage calls no AWS service; its one failure is a message that cannot be rendered. Row by row of the
 * failure policy: the answer Cognito gets and when, and that the same event gets the branded message again once
 * the templates render.
 */

import { createCustomMessageHandler } from '@functions/custom-message/handler';
import { CUSTOM_MESSAGE_TEMPLATES, type CustomMessageTemplates } from '@shared/messages/custom-message';
import type { Localised } from '@shared/messages/languages';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { templatesWith, testConfig } from '@test/unit/custom-message/support';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import { arrangeFault, expectOutcome, redeliver } from './fault-injection';

let templates: Localised<CustomMessageTemplates> = CUSTOM_MESSAGE_TEMPLATES;
const stdout = captureStdoutLogsOfEachTest();

beforeEach(() => {
  templates = CUSTOM_MESSAGE_TEMPLATES;
});

function invoke(event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> {
  return createCustomMessageHandler(testConfig({ LOG_LEVEL: 'debug' }), { templates })(event, lambdaContext());
}

/** A catalog whose every English message fails while it renders. */
function brokenTemplates(): Localised<CustomMessageTemplates> {
  return templatesWith('verify-sign-up', { html: '<%= it.missing.field %>', subject: '<%= it.missing.field %>' });
}

const SCENARIOS: { [Id in RowIdOf<'CustomMessage'>]: Record<FaultOf<Id>, () => void> } = {
  'custom-message-render': {
    fails: () => {
      templates = brokenTemplates();
    },
  },
};

describe.each(rowsOf('CustomMessage'))('CustomMessage when $dependency fails: $call', (row) => {
  it.each(['CustomMessage_SignUp', 'CustomMessage_ResendCode'] as const)(
    `${row.faults.join(', ')} on %s: ${row.outcome} before the deadline; the same event then gets the branded message`,
    async (source) => {
      const event = loadFixture(source);
      event.request.userAttributes.locale = 'en';
      for (const fault of row.faults) arrangeFault(SCENARIOS[row.id], fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      expect(stdout.entries()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining('Cognito sends its default message'),
          template: 'verify-sign-up',
        }),
      );

      templates = CUSTOM_MESSAGE_TEMPLATES;
      const answers = await redeliver(invoke, event);
      expect(new Set(answers.map((answer) => answer.response.emailMessage)).size).toBe(1);
      expect(answers[0]?.response.emailMessage).toContain('{####}');
    },
  );
});
