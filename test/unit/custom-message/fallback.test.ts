import { loadFixture } from '@test/helpers/fixtures';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { runFlow, templatesWith } from './support';

const DEFAULT_RESPONSE = { smsMessage: null, emailMessage: null, emailSubject: null };

/** Runs the flow over `event`; returns all log lines and, apart, those of level error. */
async function errorsOf(event: CustomMessageTriggerEvent, options?: Parameters<typeof runFlow>[1]) {
  const logs = await runFlow(event, options);
  return { logs, errors: logs.entries().filter((entry) => entry.level === 'error') };
}

describe('fallback to the default message', () => {
  it('keeps the default message and logs an error naming the template when a template throws', async () => {
    const event = loadFixture('CustomMessage_SignUp');
    event.request.userAttributes.locale = 'en';
    const templates = templatesWith('verify-sign-up', { html: '<p><% throw new Error("template bug") %></p>' });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Branded message failed to render; Cognito sends its default message',
        template: 'verify-sign-up',
        language: 'en',
        errorName: 'Error',
      }),
    ]);
  });

  it('keeps the default message when a template does not compile', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    const templates = templatesWith('reset-password', { subject: 'Reset <%= it.name' });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([
      expect.objectContaining({
        template: 'reset-password',
        errorName: 'EtaParser Error',
        errorMessage: expect.stringContaining('unclosed tag'),
      }),
    ]);
  });

  it('keeps the default message and names the broken rules when a template leaves out the code', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    const templates = templatesWith('reset-password', {
      html: '<p>Reset your password in the app.</p>',
      sms: 'Reset it in the app.',
    });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Custom message failed the response check; Cognito sends its default message',
        template: 'reset-password',
        language: 'en',
        failedRules: ['email-has-code', 'sms-has-code'],
      }),
    ]);
  });

  it('keeps the default message when an invitation leaves out the username placeholder', async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');
    const templates = templatesWith('invitation', {
      html: '<p>Password: <%~ it.code %></p>',
      sms: 'Password: <%~ it.code %>',
    });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([
      expect.objectContaining({ template: 'invitation', failedRules: ['email-has-username', 'sms-has-username'] }),
    ]);
  });

  it('keeps the default message when an invitation request carries no username placeholder', async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');
    event.request.usernameParameter = null;

    const { errors } = await errorsOf(event);

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([expect.objectContaining({ failedRules: ['email-has-username', 'sms-has-username'] })]);
  });

  it('does not take a placeholder typed into an attribute for the real one', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    event.request.userAttributes.name = '{####}';
    const templates = templatesWith('reset-password', { html: '<p>Hi <%= it.name %></p>' });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([expect.objectContaining({ failedRules: ['email-has-code'] })]);
  });

  it('keeps the default message when an attribute is so long the email goes over 20,000 characters', async () => {
    const event = loadFixture('CustomMessage_Authentication');
    event.request.userAttributes.name = 'N'.repeat(20_000);

    const { errors, logs } = await errorsOf(event);

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([expect.objectContaining({ template: 'sign-in-code', failedRules: ['email-length'] })]);
    expect(logs.lines.join('\n')).not.toContain('NNNN');
  });

  it('keeps the default message when an attribute pushes the subject or the SMS over 140 characters', async () => {
    const event = loadFixture('CustomMessage_VerifyUserAttribute');
    event.request.userAttributes.name = 'N'.repeat(140);
    const templates = templatesWith('verify-attribute', {
      subject: 'Hi <%= it.name %>',
      sms: 'Hi <%= it.name %>: <%~ it.code %>',
    });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([expect.objectContaining({ failedRules: ['subject-length', 'sms-length'] })]);
  });

  it('keeps the default message when a template puts a line break into the subject', async () => {
    const event = loadFixture('CustomMessage_ResendCode');
    const templates = templatesWith('verify-sign-up', { subject: 'Confirm\nyour account' });

    const { errors } = await errorsOf(event, { templates });

    expect(event.response).toEqual(DEFAULT_RESPONSE);
    expect(errors).toEqual([expect.objectContaining({ failedRules: ['subject-single-line'] })]);
  });

  it('writes no email address, name or code placeholder to the logs when it falls back', async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');
    const templates = templatesWith('invitation', {
      html: '<p><%= it.email %> <% throw new Error(it.email + it.name + it.code) %></p>',
    });

    const { logs } = await errorsOf(event, { templates });

    const text = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(text).not.toContain('noor.haddad@example.org');
    expect(text).not.toContain('Noor Haddad');
    expect(text).not.toContain('{####}');
  });
});
