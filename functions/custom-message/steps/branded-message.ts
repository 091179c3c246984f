import type { Step } from '@shared/steps';
import { EtaParseError } from 'eta';
import { chooseMessage } from '../messages/choose-message';
import { messageData } from '../messages/message-data';
import { renderMessage } from '../messages/render-message';
import type { CustomMessageContext } from '../trigger';

/**
 * What of a render failure may be logged. A template syntax error says where the template is wrong and holds no
 * user data; any other error's message might quote the data it choked on, so only its name is kept.
 */
function renderFailure(error: unknown): Record<string, string> {
  if (error instanceof EtaParseError) {
    return { errorName: error.name, errorMessage: error.message };
  }
  return { errorName: error instanceof Error ? error.name : typeof error };
}

/**
 * Replaces Cognito's message with the branded one of the event's trigger source, in the user's language.
 * Switched off by `BRANDED_MESSAGES=false`, and per source by `DEFAULT_MESSAGE_SOURCES`. A template that fails to
 * render is logged as an error and leaves the response untouched, so Cognito sends its default message: a broken
 * template never stops a user from getting their code.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export const brandedMessage: Step<CustomMessageContext> = {
  name: 'branded-message',
  enabled: (config) => config.brandedMessages,
  run({ event, config, logger, templates }) {
    if (config.defaultMessageSources.includes(event.triggerSource)) {
      logger.debug('Trigger source keeps the default message');
      return;
    }
    const { template, language } = chooseMessage(event);
    try {
      Object.assign(event.response, renderMessage(templates[language][template], language, messageData(event, config)));
      logger.debug('Rendered the branded message', { template, language });
    } catch (error) {
      logger.error('Branded message failed to render; Cognito sends its default message', {
        template,
        language,
        ...renderFailure(error),
      });
    }
  },
};
