import { inEveryLanguage, textsOf } from './languages';

/**
 * An email sent through SES in one language, as Eta templates over its data: an entry of its section's
 * `<language>/<section>.json` (the subject) and two files named after the entry, `<language>/<section>/<name>.html`
 * and `.txt`.
 */
export interface EmailTemplate {
  /** The subject: plain text on one line. */
  subject: string;
  /** The HTML body, placed inside the shared layout. */
  html: string;
  /** The plain-text body, followed by the layout's plain-text signature. */
  text: string;
}

/** What `<language>/email.json` holds: the texts of the email layout. */
type EmailTexts = typeof import('./en/email.json');

/** The texts of the email layout, each in every language: `footer` comes before the support address. */
export const EMAIL_TEXTS = textsOf(inEveryLanguage((language): EmailTexts => require(`./${language}/email.json`)));
