import type { MiddlewareObj } from '@middy/core';
import { genericFailureMessage, isUserFacing, Refusal, UserFacingError } from '../errors';
import type { Logger } from '../logger';
import { eventLanguage, FALLBACK_LANGUAGE, type Language } from '../messages/languages';
import type { InvocationContext } from './log-context';

/**
 * `render` in `language`; in English when the text fails to render in that language, so that a broken translation
 * shows the English text instead of an internal error. The failure is logged by name.
 */
function inLanguage(render: (language: Language) => string, language: Language, logger: Logger): string {
  try {
    return render(language);
  } catch (error) {
    logger.error("A text failed to render in the user's language; the English one is shown", {
      language,
      errorName: error instanceof Error ? error.name : typeof error,
    });
    return render(FALLBACK_LANGUAGE);
  }
}

/**
 * Middy middleware that decides what Cognito — and so the end user — sees of a failure, in the language of the
 * event's user (their `locale` attribute; English without one). A user-facing error keeps its message, a refusal
 * of the message catalog in that language, and is logged as a warning; anything else is logged with its cause and
 * replaced by an error carrying the generic failure message, so no internal or SDK message reaches a user.
 */
export function errorMasking(fallbackLogger: Logger): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  return {
    onError: (request) => {
      const error: unknown = request.error;
      const logger = request.context.logger ?? fallbackLogger;
      const language = eventLanguage(request.event);
      if (isUserFacing(error)) {
        logger.warn('Trigger rejected the request', { error });
        if (error instanceof Refusal) {
          const message = inLanguage((shown) => error.inLanguage(shown), language, logger);
          request.error = new UserFacingError(message, { cause: error });
        }
        return;
      }
      logger.error('Trigger failed', { error });
      request.error = new Error(inLanguage(genericFailureMessage, language, logger), { cause: error });
    },
  };
}
