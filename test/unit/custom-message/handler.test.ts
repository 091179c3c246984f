import type * as HandlerModule from '@functions/custom-message/handler';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogs } from '@test/helpers/log-capture';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { TEST_ENV, testConfig } from './support';

// The module builds its Lambda entry point from the environment as it loads, like at a cold start.
Object.assign(process.env, TEST_ENV);
const { createCustomMessageHandler } = jest.requireActual<typeof HandlerModule>('@functions/custom-message/handler');

const SOURCES = FIXTURES_BY_TRIGGER.CustomMessage;

/** Collects what the handler's logger writes to stdout while `action` runs. */
async function stdoutOf(action: () => Promise<unknown>): Promise<string> {
  const logs = captureStdoutLogs();
  try {
    await action();
  } finally {
    logs.restore();
  }
  return logs.lines.join('\n');
}

describe('createCustomMessageHandler', () => {
  const handler = createCustomMessageHandler(testConfig());

  it.each(SOURCES)('answers a recorded %s event with a branded message', async (source) => {
    const result = await handler(loadFixture(source), lambdaContext());

    expect(result.triggerSource).toBe(source);
    expect(result.response).toEqual({
      emailSubject: expect.stringContaining('Acme Portal'),
      emailMessage: expect.stringContaining('{####}'),
      smsMessage: expect.stringContaining('{####}'),
    });
  });

  it.each(SOURCES)('gives a retried %s event the same answer, one after the other and at once', async (source) => {
    const first = await handler(loadFixture(source), lambdaContext('attempt-1'));
    const second = await handler(loadFixture(source), lambdaContext('attempt-2'));
    const concurrent = await Promise.all(
      [1, 2, 3].map((attempt) => handler(loadFixture(source), lambdaContext(`parallel-${attempt}`))),
    );

    expect(second.response).toEqual(first.response);
    expect(concurrent.map((result) => result.response)).toEqual([first.response, first.response, first.response]);
  });

  it('answers an event whose response arrives as null', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    (event as { response: unknown }).response = null;

    const result = await handler(event, lambdaContext());

    expect(result.response.emailMessage).toEqual(expect.any(String));
  });

  it('writes no email address, name or code placeholder to the logs, even at debug level', async () => {
    const debugHandler = createCustomMessageHandler(testConfig({ LOG_LEVEL: 'debug' }));
    const events = SOURCES.map((source) => loadFixture(source));

    const output = await stdoutOf(() => Promise.all(events.map((event) => debugHandler(event, lambdaContext()))));

    expect(output).toContain('"message":"Trigger completed"');
    for (const { request } of events) {
      expect(output).not.toContain(request.userAttributes.email);
      expect(output).not.toContain(request.userAttributes.name);
    }
    expect(output).not.toContain('{####}');
  });

  it.each([
    [
      'no userAttributes',
      (event: CustomMessageTriggerEvent) => Reflect.deleteProperty(event.request, 'userAttributes'),
      'request.userAttributes must be an object.',
    ],
    [
      'no codeParameter',
      (event: CustomMessageTriggerEvent) => Reflect.deleteProperty(event.request, 'codeParameter'),
      'request.codeParameter must be a string.',
    ],
    [
      'another trigger source',
      (event: CustomMessageTriggerEvent) => Reflect.set(event, 'triggerSource', 'PreSignUp_SignUp'),
      'got triggerSource "PreSignUp_SignUp".',
    ],
  ])('refuses an event with %s with a message that names the problem', async (_case, spoil, message) => {
    const event = loadFixture('CustomMessage_SignUp');
    spoil(event);

    const output = await stdoutOf(() => expect(handler(event, lambdaContext())).rejects.toThrow(message));

    expect(output).toContain('InvalidEventError');
  });
});
