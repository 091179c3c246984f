import type { Branding } from '@shared/branding';
import { type Language, languageOf } from '@shared/messages/languages';
import { POST_CONFIRMATION_EMAILS, type PostConfirmationEmail } from '@shared/messages/post-confirmation';
import { type RenderedEmail, renderEmail } from '@shared/templates/layout';
import { singleLine } from '@shared/text';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import type { EmailDuty } from './profile-store';

/** The catalog's email for each email duty of a profile. */
const EMAIL_OF_DUTY: Readonly<Record<EmailDuty, PostConfirmationEmail>> = {
  welcomeEmail: 'welcome',
  passwordNotice: 'password-changed',
};

/** Longest name an email greets the user with; a longer one is cut short. */
const MAX_NAME_LENGTH = 80;

/** How the email greets the user: their `name`, else their `given_name`, as one line; empty when neither is set. */
function displayName(attributes: StringMap): string {
  return singleLine(attributes['name'] || attributes['given_name'] || '', MAX_NAME_LENGTH);
}

/**
 * Renders the email for `duty` in the language of the user's `locale` attribute (English when the catalog has
 * no such language), branded with `branding` and wrapped in the shared email layout. User values are escaped in
 * the HTML body and printed as one line in the subject and the text body, so they cannot inject headers.
 */
export function renderOnboardingEmail(
  duty: EmailDuty,
  attributes: StringMap,
  branding: Branding,
): RenderedEmail & { language: Language } {
  const language = languageOf(attributes['locale']);
  const template = POST_CONFIRMATION_EMAILS[language][EMAIL_OF_DUTY[duty]];
  return { language, ...renderEmail(template, language, { name: displayName(attributes), branding }) };
}
