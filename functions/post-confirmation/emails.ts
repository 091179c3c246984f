import type { Branding } from '@shared/branding';
import { renderHtml, renderText } from '@shared/templates/engine';
import { renderHtmlEmail, renderTextEmail } from '@shared/templates/layout';
import { pickLanguage } from '@shared/templates/locale';
import { singleLine } from '@shared/text';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import type { EmailDuty } from './profile-store';
import { DEFAULT_LANGUAGE, LANGUAGE_PACKS, LANGUAGES, type Language } from './templates';

/** An email rendered for one user: a one-line subject, a branded HTML body and a plain-text body. */
export interface RenderedEmail {
  language: Language;
  subject: string;
  html: string;
  text: string;
}

/** Longest name an email greets the user with; a longer one is cut short. */
const MAX_NAME_LENGTH = 80;

/** How the email greets the user: their `name`, else their `given_name`, as one line; empty when neither is set. */
function displayName(attributes: StringMap): string {
  return singleLine(attributes['name'] || attributes['given_name'] || '', MAX_NAME_LENGTH);
}

/**
 * Renders the email for `duty` in the language of the user's `locale` attribute (English when it names no
 * language we have), branded with `branding` and wrapped in the shared email layout. User values are escaped in
 * the HTML body; the subject is a single line, so it cannot inject headers.
 */
export function renderEmail(duty: EmailDuty, attributes: StringMap, branding: Branding): RenderedEmail {
  const language = pickLanguage(attributes['locale'], LANGUAGES, DEFAULT_LANGUAGE);
  const pack = LANGUAGE_PACKS[language];
  const template = pack.emails[duty];
  const data = { name: displayName(attributes), branding };
  const subject = renderText(template.subject, data);
  return {
    language,
    subject,
    html: renderHtmlEmail({ language, title: subject, body: renderHtml(template.html, data), branding }),
    text: renderTextEmail({ language, body: renderText(template.text, data), branding }),
  };
}
