import { FILES } from './generated/email';
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

/**
 * The texts of the email layout (`<language>/email.json`), each in every language: `footer` comes before the
 * support address.
 */
export const EMAIL_TEXTS = textsOf(inEveryLanguage((language) => FILES[language].texts));
