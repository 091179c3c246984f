import { pickLanguage } from '@shared/templates/locale';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { TemplateCatalog } from '../templates/catalog';
import { type MessageKind, messageKind } from './message-kind';

/** The message an event gets, and the language it is written in. */
export interface MessageChoice extends MessageKind {
  language: string;
}

/**
 * Chooses the message for `event`: by trigger source, in the language of the user's `locale` attribute among
 * those the catalog has, else in the catalog's fallback language.
 */
export function chooseMessage(event: CustomMessageTriggerEvent, catalog: TemplateCatalog): MessageChoice {
  const language = pickLanguage(
    event.request.userAttributes.locale,
    Object.keys(catalog.languages),
    catalog.fallbackLanguage,
  );
  return { ...messageKind(event.triggerSource), language };
}
