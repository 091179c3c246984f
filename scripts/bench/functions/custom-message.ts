import { loadCustomMessageConfig } from '@functions/custom-message/config';
import type * as CustomMessageBundle from '@functions/custom-message/handler';
import { defineBenchedFunction, responseWith } from './benched-function';

/** customMessage calls no AWS service: warm and cold, it runs with its shipped templates and nothing else. */
export const customMessage = defineBenchedFunction({
  loadConfig: loadCustomMessageConfig,
  warmHandler: (bundle: typeof CustomMessageBundle, config) => bundle.createCustomMessageHandler(config),
  paths: {
    'sign-up': {
      what: 'sign-up code email',
      fixture: 'CustomMessage_SignUp',
      check: responseWith('emailMessage', 'a message', (value) => typeof value === 'string'),
    },
  },
});
