import type { Branding } from '../branding';
import { EMAIL_TEXTS, type EmailTemplate } from '../messages/email';
import type { Language } from '../messages/languages';
import { renderHtml, renderText } from './engine';
import layout from './layout.html';

/** The parts of a branded HTML email; `body` is already rendered (and escaped) by its own template. */
export interface HtmlEmailParts {
  language: Language;
  /** The document's title: the email's subject. */
  title: string;
  body: string;
  branding: Branding;
}

/** An email rendered for one user: a one-line subject, a branded HTML body and a plain-text body. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The footer's text in `language`, before the support address (e.g. "Questions? Write to"). */
function footer(language: Language, branding: Branding): string {
  return renderText(EMAIL_TEXTS.footer[language], { branding });
}

/**
 * Wraps a rendered HTML email body in the one email layout (`layout.html`): the product name as its header,
 * the subject as its title, and the footer of `language` with the support address.
 */
export function renderHtmlEmail({ language, title, body, branding }: HtmlEmailParts): string {
  return renderHtml(layout, { language, title, body, branding, footer: footer(language, branding) });
}

/**
 * Renders an email of the catalog in `language` with `data` as `it`: the subject, the HTML body inside the layout,
 * and the plain-text body followed by a signature with the footer and the support address. Throws whatever a
 * broken template throws.
 */
export function renderEmail<D extends { readonly branding: Branding }>(
  template: EmailTemplate,
  language: Language,
  data: D,
): RenderedEmail {
  const { branding } = data;
  const subject = renderText(template.subject, data);
  return {
    subject,
    html: renderHtmlEmail({ language, title: subject, body: renderHtml(template.html, data), branding }),
    text: `${renderText(template.text, data)}\n\n--\n${footer(language, branding)} ${branding.supportEmail}\n`,
  };
}
