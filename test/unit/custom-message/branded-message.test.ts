import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, templatesWith, testConfig } from './support';

describe('branded-message: user values', () => {
  it('HTML-escapes a name that holds markup', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    event.request.userAttributes.name = '<script>alert(1)</script>';

    await runFlow(event);

    expect(event.response.emailMessage).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(event.response.emailMessage).not.toContain('<script>');
  });

  it('prints template syntax found in an attribute instead of evaluating it', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');
    event.request.userAttributes.name = '<%~ it.branding.appUrl %>';

    await runFlow(event);

    expect(event.response.emailMessage).toContain('Hi &lt;%~ it.branding.appUrl %&gt;,');
  });

  it('keeps a subject and an SMS that print a name on one line, without control characters', async () => {
    const templates = templatesWith('reset-password', {
      subject: 'Reset it, <%= it.name %>',
      sms: '<%= it.name %>, your code is <%~ it.code %>',
    });
    const event = loadFixture('CustomMessage_ForgotPassword');
    event.request.userAttributes.name = 'Eve\r\nBcc: all@example.com\u0007\u200d\u00a0Smith';

    await runFlow(event, { templates });

    expect(event.response.emailSubject).toBe('Reset it, Eve Bcc: all@example.com Smith');
    expect(event.response.smsMessage).toBe('Eve Bcc: all@example.com Smith, your code is {####}');
    expect(event.response.emailMessage).toContain('Hi Eve Bcc: all@example.com Smith,');
  });

  it('prints a product name as written in plain texts and escaped in the email', async () => {
    const event = loadFixture('CustomMessage_ForgotPassword');

    await runFlow(event, { config: testConfig({ PRODUCT_NAME: `Smith & O'Brien <Labs>` }) });

    expect(event.response.emailSubject).toBe(`Reset your Smith & O'Brien <Labs> password`);
    expect(event.response.smsMessage).toBe(`Smith & O'Brien <Labs>: your password reset code is {####}`);
    expect(event.response.emailMessage).toContain('Smith &amp; O&#39;Brien &lt;Labs&gt;');
  });

  it('turns curly braces in an attribute into parentheses, so no attribute can form a Cognito placeholder', async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');
    event.request.userAttributes.name = '{####} {username}';

    await runFlow(event);

    expect(event.response.emailMessage).toContain('Hi (####) (username),');
  });

  it('greets a user without a name attribute without one', async () => {
    const event = loadFixture('CustomMessage_Authentication');
    delete event.request.userAttributes.name;

    await runFlow(event);

    expect(event.response.emailMessage).toContain('<p>Hello,</p>');
  });
});

describe('branded-message: messages', () => {
  it.each(['CustomMessage_SignUp', 'CustomMessage_ResendCode'] as const)(
    '%s links to the confirm page with the URL-encoded user name and the literal code placeholder',
    async (source) => {
      const event = loadFixture(source);
      event.userName = 'jane+test@example.com';

      await runFlow(event);

      expect(event.response.emailMessage).toContain(
        'href="https://app.acme.example/confirm?username=jane%2Btest%40example.com&amp;code={####}"',
      );
    },
  );

  it('links to the confirm page set by CONFIRM_PATH', async () => {
    const event = loadFixture('CustomMessage_SignUp');

    await runFlow(event, { config: testConfig({ CONFIRM_PATH: '/account/verify' }) });

    expect(event.response.emailMessage).toContain(
      `href="https://app.acme.example/account/verify?username=${event.userName}&amp;code={####}"`,
    );
  });

  it('shows the invited user their email address beside the username and temporary password placeholders', async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');

    await runFlow(event);

    expect(event.response.emailMessage).toMatch(/\{username\} \(noor\.haddad@example\.org\)<\/td>/);
    expect(event.response.emailMessage).toContain('>{####}</td>');
    expect(event.response.smsMessage).toBe('Acme Portal: username {username}, temporary password {####}');
  });

  it("prints the request's own placeholders, whatever they are", async () => {
    const event = loadFixture('CustomMessage_AdminCreateUser');
    event.request.codeParameter = '{CODE}';
    event.request.usernameParameter = '{USER}';

    await runFlow(event);

    expect(event.response.emailMessage).toContain('{USER} (noor.haddad@example.org)');
    expect(event.response.smsMessage).toBe('Acme Portal: username {USER}, temporary password {CODE}');
    expect(`${event.response.emailMessage}${event.response.smsMessage}`).not.toMatch(/\{####\}|\{username\}/);
  });
});

describe('branded-message: language', () => {
  it.each([
    ['fr', 'Confirmez votre compte Acme Portal'],
    ['fr-CA', 'Confirmez votre compte Acme Portal'],
    ['es_MX', 'Confirma tu cuenta de Acme Portal'],
    ['en', 'Confirm your Acme Portal account'],
    ['de-AT', 'Bestätigen Sie Ihr Konto bei Acme Portal'],
    ['pt-BR', 'Confirm your Acme Portal account'],
    ['', 'Confirm your Acme Portal account'],
  ])('writes to a user with locale %p in that language, else in English', async (locale, subject) => {
    const event = loadFixture('CustomMessage_SignUp');
    event.request.userAttributes.locale = locale;

    await runFlow(event);

    expect(event.response.emailSubject).toBe(subject);
  });

  it('writes in English to a user without a locale attribute', async () => {
    const event = loadFixture('CustomMessage_SignUp');
    delete event.request.userAttributes.locale;

    await runFlow(event);

    expect(event.response.emailMessage).toContain('<html lang="en">');
  });
});

describe('branded-message: switches', () => {
  it('leaves every message to Cognito when BRANDED_MESSAGES is false', async () => {
    const event = loadFixture('CustomMessage_SignUp');

    await runFlow(event, { config: testConfig({ BRANDED_MESSAGES: 'false' }) });

    expect(event.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });

  it('leaves the messages of the sources in DEFAULT_MESSAGE_SOURCES to Cognito, and brands the others', async () => {
    const config = testConfig({ DEFAULT_MESSAGE_SOURCES: 'Authentication' });
    const authentication = loadFixture('CustomMessage_Authentication');
    const signUp = loadFixture('CustomMessage_SignUp');

    await runFlow(authentication, { config });
    await runFlow(signUp, { config });

    expect(authentication.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    expect(signUp.response.emailMessage).toEqual(expect.any(String));
  });
});
