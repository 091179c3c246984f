import { type EmailTemplate, emailsOf } from './email';
import { FILES } from './generated/post-confirmation';
import type { Localised } from './languages';

/** An email postConfirmation sends: `welcome` after a sign-up, `password-changed` after a password reset. */
export type PostConfirmationEmail = keyof (typeof FILES)['en']['texts'];

/**
 * The postConfirmation emails in every shipped language, as templates over `{ name, branding }`: each entry of the
 * texts file with its bodies, `<language>/post-confirmation/<name>.html` and `.txt`.
 */
export const POST_CONFIRMATION_EMAILS: Localised<Readonly<Record<PostConfirmationEmail, EmailTemplate>>> =
  emailsOf(FILES);
