import type { Branding } from '@shared/branding';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import { CUSTOM_AUTH_EMAILS, type CustomAuthEmail } from '@shared/messages/custom-auth';
import { type Language, languageOf } from '@shared/messages/languages';
import { type RenderedEmail, renderEmail } from '@shared/templates/layout';
import { singleLine } from '@shared/text';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/** The catalog's email for each method. */
const EMAIL_OF_METHOD: Readonly<Record<SignInMethod, CustomAuthEmail>> = {
  email_code: 'sign-in-code',
  magic_link: 'magic-link',
};

/** Longest name an email greets the user with; a longer one is cut short. */
const MAX_NAME_LENGTH = 80;

/** What the email carries: the code, or the link's address; and how many minutes it works. */
export type SignInSecret = { code: string; minutes: number } | { url: string; minutes: number };

/**
 * Renders the sign-in email of `method` in the language of the user's `locale` attribute (English when the catalog
 * has no such language), branded and in the shared layout; the user's name is escaped in HTML and one line in text.
 */
export function renderSignInEmail(
  method: SignInMethod,
  attributes: StringMap,
  branding: Branding,
  secret: SignInSecret,
): RenderedEmail & { language: Language } {
  const language = languageOf(attributes['locale']);
  const name = singleLine(attributes['name'] || attributes['given_name'] || '', MAX_NAME_LENGTH);
  const template = CUSTOM_AUTH_EMAILS[language][EMAIL_OF_METHOD[method]];
  return { language, ...renderEmail(template, language, { name, branding, ...secret }) };
}
