import { LANGUAGES } from '@shared/messages/languages';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { COGNITO_MESSAGE_CHARACTERS, runFlow, TEST_ENV } from './support';

const CASES = FIXTURES_BY_TRIGGER.CustomMessage.flatMap((source) =>
  LANGUAGES.map((language) => [source, language] as const),
);

describe.each(CASES)('the %s message in %s', (source, language) => {
  async function rendered() {
    const event = loadFixture(source);
    event.request.userAttributes.locale = language;
    const logs = await runFlow(event);
    return { event, response: event.response, logs };
  }

  it('sets all three response fields as strings and logs no error', async () => {
    const { response, logs } = await rendered();

    expect(response).toEqual({
      emailMessage: expect.any(String),
      emailSubject: expect.any(String),
      smsMessage: expect.any(String),
    });
    expect(logs.entries().filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it("carries the request's code placeholder in the email and the SMS, and the username placeholder in invitations", async () => {
    const { event, response } = await rendered();
    const placeholders = [
      event.request.codeParameter,
      ...(source === 'CustomMessage_AdminCreateUser' ? ['{username}'] : []),
    ];

    for (const placeholder of placeholders) {
      expect(response.emailMessage).toContain(placeholder);
      expect(response.smsMessage).toContain(placeholder);
    }
  });

  it("stays within Cognito's lengths and characters", async () => {
    const { event, response } = await rendered();
    const sms = (response.smsMessage ?? '').replaceAll('{####}', '123456').replaceAll('{username}', event.userName);

    expect(response.emailMessage?.length).toBeLessThanOrEqual(20_000);
    expect(response.emailMessage).toMatch(COGNITO_MESSAGE_CHARACTERS);
    expect(response.emailSubject?.length).toBeLessThanOrEqual(140);
    expect(response.emailSubject).toMatch(COGNITO_MESSAGE_CHARACTERS);
    expect(response.emailSubject).not.toMatch(/[\r\n]/);
    expect(sms.length).toBeGreaterThanOrEqual(6);
    expect(sms.length).toBeLessThanOrEqual(140);
  });

  it('is a branded HTML email in the language of the user', async () => {
    const { response } = await rendered();

    expect(response.emailMessage).toMatch(/^<!DOCTYPE html>/);
    expect(response.emailMessage).toContain(`<html lang="${language}">`);
    expect(response.emailMessage).toContain(TEST_ENV.PRODUCT_NAME);
    expect(response.emailMessage).toContain(`mailto:${TEST_ENV.SUPPORT_EMAIL}`);
    expect(response.emailSubject).toContain(TEST_ENV.PRODUCT_NAME);
  });
});
