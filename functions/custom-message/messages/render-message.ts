import { renderHtml, renderText } from '@shared/templates/engine';
import { renderEmailLayout } from '@shared/templates/layout';
import type { LanguageTemplates, MessageTemplateName } from '../templates/catalog';
import type { MessageData } from './message-data';

/** The three response fields of a CustomMessage trigger, rendered. */
export interface RenderedMessage {
  emailSubject: string;
  emailMessage: string;
  smsMessage: string;
}

/**
 * Renders message `name` in one language: the subject, the HTML email (its body inside the shared branded
 * layout, titled with the subject) and the SMS. Throws whatever a broken template throws.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function renderMessage(
  templates: LanguageTemplates,
  language: string,
  name: MessageTemplateName,
  data: MessageData,
): RenderedMessage {
  const { subject, email, sms } = templates.messages[name];
  const emailSubject = renderText(subject, data);
  const emailMessage = renderEmailLayout({
    language,
    title: emailSubject,
    body: renderHtml(email, data),
    footer: templates.footer,
    branding: data.branding,
  });
  return { emailSubject, emailMessage, smsMessage: renderText(sms, data) };
}
