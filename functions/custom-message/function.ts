import { defineFunction } from '@resources/service/function-declaration';
import { CUSTOM_MESSAGE } from './trigger';

/** The customMessage function: branded, localised verification and invitation messages. */
export const CUSTOM_MESSAGE_FUNCTION = defineFunction({
  name: 'customMessage',
  description: 'Branded, localised verification and invitation messages',
  trigger: CUSTOM_MESSAGE,
  parameters: ['productName', 'supportEmail', 'appUrl', 'brandedMessages', 'defaultMessageSources', 'confirmPath'],
  // Its templates in every language, each with the function the build compiles it to (scripts/build/compiled-templates.ts).
  bundleBudgetBytes: 80_000,
});
