import { inEveryLanguage, textsOf } from './languages';

/** What `<language>/email.json` holds: the texts of the email layout. */
type EmailTexts = typeof import('./en/email.json');

/** The texts of the email layout, each in every language: `footer` comes before the support address. */
export const EMAIL_TEXTS = textsOf(inEveryLanguage((language): EmailTexts => require(`./${language}/email.json`)));
