import { type Language, languageOf } from '@shared/messages/languages';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { type MessageKind, messageKind } from './message-kind';

/** The message an event gets, and the language it is written in. */
export interface MessageChoice extends MessageKind {
  language: Language;
}

/**
 * Chooses the message for `event`: by trigger source, in the language of the user's `locale` attribute when the
 * catalog has it, else in its fallback language.
 */
export function chooseMessage(event: CustomMessageTriggerEvent): MessageChoice {
  return { ...messageKind(event.triggerSource), language: languageOf(event.request.userAttributes.locale) };
}
