import type { EmailTemplate } from './email';
import { FILES } from './generated/post-confirmation';
import { inEveryLanguage, type Localised, templateFile } from './languages';

/** What `<language>/post-confirmation.json` holds: the subject of every email. */
type PostConfirmationTexts = (typeof FILES)['en']['texts'];

/** An email postConfirmation sends: `welcome` after a sign-up, `password-changed` after a password reset. */
export type PostConfirmationEmail = keyof PostConfirmationTexts;

/**
 * The postConfirmation emails in every shipped language, as templates over `{ name, branding }`: each entry of the
 * texts file with its bodies, `<language>/post-confirmation/<name>.html` and `.txt`.
 */
export const POST_CONFIRMATION_EMAILS: Localised<Readonly<Record<PostConfirmationEmail, EmailTemplate>>> =
  inEveryLanguage((language) => {
    const { texts, templates } = FILES[language];
    return Object.fromEntries(
      Object.entries(texts).map(([name, text]) => [
        name,
        { ...text, html: templateFile(templates, `${name}.html`), text: templateFile(templates, `${name}.txt`) },
      ]),
    ) as Record<PostConfirmationEmail, EmailTemplate>;
  });
