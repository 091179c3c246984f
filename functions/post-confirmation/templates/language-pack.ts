import type { EmailDuty } from '../profile-store';

/**
 * One email in one language, as Eta templates over `{ name, branding }` that print every value with `<%= %>`:
 * escaped in the HTML body, as one clean line in the subject and the plain-text body (see `renderText`).
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
