import type { CustomMessageTemplate } from '@shared/messages/custom-message';
import type { Language } from '@shared/messages/languages';
import { renderHtml, renderText } from '@shared/templates/engine';
import { renderHtmlEmail } from '@shared/templates/layout';
import type { MessageData } from './message-data';

/** The three response fields of a CustomMessage trigger, rendered. */
export interface RenderedMessage {
  emailSubject: string;
  emailMessage: string;
  smsMessage: string;
}

/**
 * Renders one message in `language`: the subject, the HTML email (its body inside the shared branded layout,
 * titled with the subject) and the SMS. Throws whatever a broken template throws.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function renderMessage(template: CustomMessageTemplate, language: Language, data: MessageData): RenderedMessage {
  const emailSubject = renderText(template.subject, data);
  const emailMessage = renderHtmlEmail({
    language,
    title: emailSubject,
    body: renderHtml(template.html, data),
    branding: data.branding,
  });
  return { emailSubject, emailMessage, smsMessage: renderText(template.sms, data) };
}
