import type { EmailDuty } from '../profile-store';

/**
 * One email in one language, as Eta templates over `{ name, branding }`: `<%= %>` escapes HTML and is what the
 * HTML body uses for every value; the subject and the plain-text body are not HTML, so they print values raw
 * with `<%~ %>` (the subject is made a single line after rendering).
 *
 * @see https://eta.js.org/docs/intro/template-syntax
 */
export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
}

/** Everything the postConfirmation emails say in one language. */
export interface LanguagePack {
  /** The footer's text before the support address, e.g. "Questions? Write to". */
  footer: string;
  emails: Readonly<Record<EmailDuty, EmailTemplate>>;
}
