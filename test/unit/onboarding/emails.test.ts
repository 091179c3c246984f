import { renderOnboardingEmail } from '@shared/onboarding/emails';
import { loadFixture } from '@test/helpers/fixtures';

const BRANDING = { productName: 'Example App', supportEmail: 'support@example.com', appUrl: 'https://app.example.com' };

function attributes(changes: Record<string, string> = {}) {
  return { ...loadFixture('PostConfirmation_ConfirmSignUp').request.userAttributes, ...changes };
}

describe('renderOnboardingEmail', () => {
  it('renders the welcome email in English with the product, the name and a link to the app', () => {
    const email = renderOnboardingEmail('welcomeEmail', attributes(), BRANDING);

    expect(email.language).toBe('en');
    expect(email.subject).toBe('Welcome to Example App');
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('Welcome, Jonas Lindqvist!');
    expect(email.html).toContain('<a href="https://app.example.com"');
    expect(email.html).toContain('Questions? Write to <a href="mailto:support@example.com"');
    expect(email.text).toBe(
      'Welcome, Jonas Lindqvist!\n\nYour Example App account is confirmed and ready to use.\n\n' +
        'Open Example App: https://app.example.com\n\nWe are glad to have you with us.\n\n' +
        '--\nQuestions? Write to support@example.com\n',
    );
  });

  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['de', 'de'],
    ['pt-BR', 'en'],
  ])('picks the language of locale %p: %p', (locale, language) => {
    expect(renderOnboardingEmail('welcomeEmail', attributes({ locale }), BRANDING).language).toBe(language);
  });

  it('renders the welcome email in French for a French-speaking user', () => {
    const email = renderOnboardingEmail('welcomeEmail', attributes({ locale: 'fr' }), BRANDING);

    expect(email.subject).toBe('Bienvenue sur Example App');
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain('Bienvenue, Jonas Lindqvist !');
    expect(email.text).toContain('Des questions ? Écrivez à support@example.com');
  });

  it('renders the welcome email in Spanish for a Spanish-speaking user, as the codes before it', () => {
    const email = renderOnboardingEmail('welcomeEmail', attributes({ locale: 'es-MX' }), BRANDING);

    expect(email.subject).toBe('Te damos la bienvenida a Example App');
    expect(email.html).toContain('<html lang="es">');
    expect(email.html).toContain('¡Te damos la bienvenida, Jonas Lindqvist!');
    expect(email.text).toContain('¿Tienes preguntas? Escríbenos a support@example.com');
  });

  it('renders the password-changed notice with what to do if the change was not the user’s', () => {
    const email = renderOnboardingEmail('passwordNotice', attributes(), BRANDING);

    expect(email.subject).toBe('Your Example App password was changed');
    expect(email.html).toContain('Hello Jonas Lindqvist,');
    expect(email.text).toContain(
      'If you did not, reset your password now from https://app.example.com and write to support@example.com',
    );
  });

  it('renders the password-changed notice in French', () => {
    const email = renderOnboardingEmail('passwordNotice', attributes({ locale: 'fr' }), BRANDING);

    expect(email.subject).toBe('Le mot de passe de votre compte Example App a été modifié');
    expect(email.text).toContain('Bonjour Jonas Lindqvist,');
  });

  it('renders the password-changed notice in German', () => {
    const email = renderOnboardingEmail('passwordNotice', attributes({ locale: 'de-DE' }), BRANDING);

    expect(email.subject).toBe('Ihr Passwort für Example App wurde geändert');
    expect(email.html).toContain('<html lang="de">');
    expect(email.text).toMatch(/^Hallo Jonas Lindqvist,\n/);
    expect(email.text).toContain('Fragen? Schreiben Sie an support@example.com');
  });

  it('escapes HTML in the name in the HTML body and keeps it as plain text in the text body', () => {
    const email = renderOnboardingEmail('welcomeEmail', attributes({ name: '<script>alert(1)</script>' }), BRANDING);

    expect(email.html).toContain('Welcome, &lt;script&gt;alert(1)&lt;/script&gt;!');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Welcome, <script>alert(1)</script>!');
  });

  it('escapes HTML in the branding', () => {
    const email = renderOnboardingEmail('welcomeEmail', attributes(), {
      ...BRANDING,
      productName: 'Tom & Jerry <b>',
    });

    expect(email.html).toContain('Open Tom &amp; Jerry &lt;b&gt;');
    expect(email.subject).toBe('Welcome to Tom & Jerry <b>');
  });

  it('keeps the subject on one line even when the product name has line breaks', () => {
    const email = renderOnboardingEmail('passwordNotice', attributes(), {
      ...BRANDING,
      productName: 'Example\r\nBcc: x@example.org',
    });

    expect(email.subject).toBe('Your Example Bcc: x@example.org password was changed');
  });

  it('greets by given name when there is no name, and without a name when there is neither', () => {
    const byGivenName = attributes({ given_name: 'Jonas' });
    delete byGivenName['name'];
    const anonymous = attributes();
    delete anonymous['name'];

    expect(renderOnboardingEmail('welcomeEmail', byGivenName, BRANDING).text).toMatch(/^Welcome, Jonas!/);
    expect(renderOnboardingEmail('welcomeEmail', anonymous, BRANDING).text).toMatch(/^Welcome!/);
  });

  it('greets with the name on one line, cut to 80 characters', () => {
    const email = renderOnboardingEmail(
      'welcomeEmail',
      attributes({ name: `Jonas\nLindqvist ${'x'.repeat(200)}` }),
      BRANDING,
    );

    const greeting = email.text.split('\n')[0] ?? '';
    expect(greeting).toMatch(/^Welcome, Jonas Lindqvist x+…!$/);
    expect(Array.from(greeting).length).toBe('Welcome, '.length + 80 + '!'.length);
  });
});
