import { type EmailTemplate, emailsOf } from './email';
import { FILES } from './generated/custom-auth';
import type { Localised } from './languages';

/** An email of passwordless sign-in: `sign-in-code` (over `{ name, branding, code, minutes }`) or `magic-link` (`url`). */
export type CustomAuthEmail = keyof (typeof FILES)['en']['texts'];

/**
 * The emails of passwordless sign-in in every shipped language: each entry of `<language>/custom-auth.json` with its
 * bodies, `<language>/custom-auth/<name>.html` and `.txt`.
 */
export const CUSTOM_AUTH_EMAILS: Localised<Readonly<Record<CustomAuthEmail, EmailTemplate>>> = emailsOf(FILES);
