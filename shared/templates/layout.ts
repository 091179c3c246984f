import type { Branding } from '../branding';
import { EMAIL_TEXTS } from '../messages/email';
import type { Language } from '../messages/languages';
import { renderHtml, renderText } from './engine';
import layout from './layout.html';

/** The parts of a branded email; `body` is already rendered (and escaped) by its own template. */
export interface EmailParts {
  language: Language;
  body: string;
  branding: Branding;
}

/** The footer's text in `language`, before the support address (e.g. "Questions? Write to"). */
function footer(language: Language, branding: Branding): string {
  return renderText(EMAIL_TEXTS.footer[language], { branding });
}

/**
 * Wraps a rendered HTML email body in the one email layout (`layout.html`): the product name as its header,
 * `title` (the subject) as its title, and the footer of `language` with the support address.
 */
export function renderHtmlEmail({ language, body, branding, title }: EmailParts & { title: string }): string {
  return renderHtml(layout, { language, title, body, branding, footer: footer(language, branding) });
}

/** The plain-text counterpart of the layout: `body`, then a signature with the footer and the support address. */
export function renderTextEmail({ language, body, branding }: EmailParts): string {
  return `${body}\n\n--\n${footer(language, branding)} ${branding.supportEmail}\n`;
}
