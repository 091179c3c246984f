import { FILES } from './generated/custom-message';
import { inEveryLanguage, type Localised, templateFile } from './languages';

/** What `<language>/custom-message.json` holds: the subject and the SMS of every message. */
type CustomMessageTexts = (typeof FILES)['en']['texts'];

/**
 * A message customMessage sends, one per kind of code: an entry of `<language>/custom-message.json` (its subject
 * and SMS) and an email body, `<language>/custom-message/<name>.html`.
 */
export type CustomMessageName = keyof CustomMessageTexts;

/** One message in one language, as Eta templates over the message data (see `functions/custom-message`). */
export interface CustomMessageTemplate {
  /** The email subject: plain text on one line. */
  subject: string;
  /** The email body: HTML placed inside the shared layout. */
  html: string;
  /** The SMS: plain text. */
  sms: string;
}

/** Every customMessage message in one language. */
export type CustomMessageTemplates = Readonly<Record<CustomMessageName, CustomMessageTemplate>>;

/** The customMessage messages in every shipped language: each entry of the texts file with its email body. */
export const CUSTOM_MESSAGE_TEMPLATES: Localised<CustomMessageTemplates> = inEveryLanguage((language) => {
  const { texts, templates } = FILES[language];
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => [name, { ...text, html: templateFile(templates, `${name}.html`) }]),
  ) as Record<CustomMessageName, CustomMessageTemplate>;
});
