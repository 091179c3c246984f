import { FILES } from './generated/email';
import { inEveryLanguage, type Localised, templateFile, textsOf } from './languages';

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

/** The files of a section of emails in one language: its texts file (the subjects) and its templates by file name. */
interface EmailSectionFiles<K extends string> {
  readonly texts: Readonly<Record<K, { readonly subject: string }>>;
  readonly templates: Readonly<Record<string, string>>;
}

/**
 * The emails of a section in every language, from its generated `FILES`: each entry of the texts file with its
 * bodies, `<language>/<section>/<name>.html` and `.txt`.
 */
export function emailsOf<K extends string>(
  files: Localised<EmailSectionFiles<K>>,
): Localised<Readonly<Record<K, EmailTemplate>>> {
  return inEveryLanguage((language) => {
    const { texts, templates } = files[language];
    return Object.fromEntries(
      Object.entries<{ subject: string }>(texts).map(([name, text]) => [
        name,
        { ...text, html: templateFile(templates, `${name}.html`), text: templateFile(templates, `${name}.txt`) },
      ]),
    ) as Record<K, EmailTemplate>;
  });
}
