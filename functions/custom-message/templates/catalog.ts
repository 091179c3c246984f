/**
 * The shape of the message templates. Each language is a folder of `templates/` holding `strings.json`
 * (footer text, and the subject and SMS of every message) and one HTML file per message for the email body.
 * Every text is an Eta template rendered with the message data as `it` (see `messages/message-data.ts`).
 */

/** The messages the flow sends; each names an email body file (`<name>.html`) and an entry of `strings.json`. */
export const MESSAGE_TEMPLATES = [
  'verify-sign-up',
  'invitation',
  'reset-password',
  'verify-attribute',
  'sign-in-code',
] as const;

/** One of {@link MESSAGE_TEMPLATES}. */
export type MessageTemplateName = (typeof MESSAGE_TEMPLATES)[number];

/** The three texts of one message in one language. */
export interface MessageTemplate {
  /** The email subject; plain text on one line. */
  subject: string;
  /** The email body: HTML placed inside the shared branded layout. */
  email: string;
  /** The SMS text; plain text. */
  sms: string;
}

/** Every message of one language, and the text before the support address in its emails' footer. */
export interface LanguageTemplates {
  footer: string;
  messages: Readonly<Record<MessageTemplateName, MessageTemplate>>;
}

/** The templates of every language, keyed by language code (`en`), and the language used when none fits. */
export interface TemplateCatalog {
  readonly fallbackLanguage: string;
  readonly languages: Readonly<Record<string, LanguageTemplates>>;
}

/** What a language's `strings.json` holds. */
export type LanguageStrings = { footer: string } & Record<MessageTemplateName, { subject: string; sms: string }>;

/** A language's email bodies, one per message. */
export type EmailBodies = Readonly<Record<MessageTemplateName, string>>;

/** Assembles one language from its `strings.json` and email bodies. */
export function languageTemplates(strings: LanguageStrings, bodies: EmailBodies): LanguageTemplates {
  const messages = Object.fromEntries(
    MESSAGE_TEMPLATES.map((name) => [
      name,
      { subject: strings[name].subject, sms: strings[name].sms, email: bodies[name] },
    ]),
  ) as Record<MessageTemplateName, MessageTemplate>;
  return { footer: strings.footer, messages };
}
