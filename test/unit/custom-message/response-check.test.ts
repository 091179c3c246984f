import {
  brokenRules,
  type MessageResponse,
  type RequiredPlaceholders,
} from '@functions/custom-message/messages/response-check';
import { checkResponse } from '@functions/custom-message/steps/check-response';
import { CUSTOM_MESSAGE_TEMPLATES } from '@shared/messages/custom-message';
import { loadFixture } from '@test/helpers/fixtures';
import { testStepContext } from '@test/helpers/step-context';
import { testConfig } from './support';

const VALID: MessageResponse = {
  emailSubject: 'Your code',
  emailMessage: '<p>Your code is {####}</p>',
  smsMessage: 'Your code is {####}',
};
const CODE_ONLY: RequiredPlaceholders = { code: '{####}' };
const INVITATION: RequiredPlaceholders = { code: '{####}', username: { placeholder: '{username}', userName: 'noor' } };

describe('brokenRules', () => {
  it('accepts a response that keeps every rule', () => {
    expect(brokenRules(VALID, CODE_ONLY)).toEqual([]);
  });

  it.each([
    ['emailMessage', null],
    ['emailSubject', null],
    ['smsMessage', undefined],
  ] as const)('wants all three fields set, not %s = %p', (field, value) => {
    expect(brokenRules({ ...VALID, [field]: value }, CODE_ONLY)).toEqual(['all-fields-set']);
  });

  it('wants the code placeholder in the email and the SMS', () => {
    expect(
      brokenRules({ ...VALID, emailMessage: '<p>No code here</p>', smsMessage: 'No code here' }, CODE_ONLY),
    ).toEqual(['email-has-code', 'sms-has-code']);
  });

  it('never counts an empty code placeholder as present', () => {
    expect(brokenRules(VALID, { code: '' })).toEqual(['email-has-code', 'sms-has-code']);
  });

  it('wants the username placeholder in both messages of an invitation', () => {
    const invitation = { ...VALID, emailMessage: '<p>{username}: {####}</p>', smsMessage: '{username}: {####}' };

    expect(brokenRules(invitation, INVITATION)).toEqual([]);
    expect(brokenRules(VALID, INVITATION)).toEqual(['email-has-username', 'sms-has-username']);
    expect(brokenRules(invitation, { code: '{####}', username: { placeholder: null, userName: 'noor' } })).toEqual([
      'email-has-username',
      'sms-has-username',
    ]);
  });

  it('allows an email of up to 20,000 characters', () => {
    const padding = (length: number) => `{####}${'x'.repeat(length - 6)}`;

    expect(brokenRules({ ...VALID, emailMessage: padding(20_000) }, CODE_ONLY)).toEqual([]);
    expect(brokenRules({ ...VALID, emailMessage: padding(20_001) }, CODE_ONLY)).toEqual(['email-length']);
  });

  it('allows a subject of 1 to 140 characters on one line', () => {
    expect(brokenRules({ ...VALID, emailSubject: 's'.repeat(140) }, CODE_ONLY)).toEqual([]);
    expect(brokenRules({ ...VALID, emailSubject: 's'.repeat(141) }, CODE_ONLY)).toEqual(['subject-length']);
    expect(brokenRules({ ...VALID, emailSubject: ' ' }, CODE_ONLY)).toEqual(['subject-length']);
    expect(brokenRules({ ...VALID, emailSubject: 'Your\r\ncode' }, CODE_ONLY)).toEqual(['subject-single-line']);
  });

  it('rejects characters Cognito refuses, such as a non-breaking space or a zero-width joiner', () => {
    expect(brokenRules({ ...VALID, emailSubject: 'Your\u00a0code' }, CODE_ONLY)).toEqual(['subject-characters']);
    expect(brokenRules({ ...VALID, emailMessage: '<p>{####}\u200d</p>' }, CODE_ONLY)).toEqual(['email-characters']);
  });

  it('measures the SMS with a six-digit code in place of the placeholder', () => {
    const sms = (length: number) => `{####}${'x'.repeat(length - 6)}`;

    expect(brokenRules({ ...VALID, smsMessage: sms(140) }, CODE_ONLY)).toEqual([]);
    expect(brokenRules({ ...VALID, smsMessage: sms(141) }, CODE_ONLY)).toEqual(['sms-length']);
    expect(brokenRules({ ...VALID, smsMessage: `${'{####}'.repeat(20)}` }, CODE_ONLY)).toEqual([]);
  });

  it("measures an invitation SMS with the user's name in place of the username placeholder", () => {
    const invitation = { ...VALID, emailMessage: '<p>{username} {####}</p>', smsMessage: '{username} {####}' };
    const named = (userName: string): RequiredPlaceholders => ({
      code: '{####}',
      username: { placeholder: '{username}', userName },
    });

    expect(brokenRules(invitation, named('n'.repeat(133)))).toEqual([]);
    expect(brokenRules(invitation, named('n'.repeat(134)))).toEqual(['sms-length']);
  });
});

describe('check-response step', () => {
  async function check(change: (response: MessageResponse) => void) {
    const event = loadFixture('CustomMessage_SignUp');
    change(event.response);
    const { context, logs } = testStepContext(event, testConfig(), { templates: CUSTOM_MESSAGE_TEMPLATES }, 'info');
    await checkResponse.run(context);
    return { response: event.response, logs };
  }

  it('leaves a response that Cognito sends by default alone, without a log line', async () => {
    const { response, logs } = await check(() => undefined);

    expect(response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    expect(logs.lines).toEqual([]);
  });

  it('keeps a valid message as it is', async () => {
    const { response } = await check((r) => Object.assign(r, VALID));

    expect(response).toEqual(VALID);
  });

  it('resets a partly set response to the default message and says which template and rule', async () => {
    const { response, logs } = await check((r) => {
      r.emailMessage = '<p>{####}</p>';
    });

    expect(response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    expect(logs.entries()).toEqual([
      expect.objectContaining({
        level: 'error',
        template: 'verify-sign-up',
        language: 'fr',
        failedRules: ['all-fields-set'],
      }),
    ]);
  });
});
