import type { MiddlewareObj } from '@middy/core';
import { genericFailureMessage, isUserFacing, Refusal, UserFacingError } from '../errors';
import type { Logger } from '../logger';
import { eventLanguage } from '../messages/languages';
import type { InvocationContext } from './log-context';

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
          request.error = new UserFacingError(error.inLanguage(language), { cause: error });
        }
        return;
      }
      logger.error('Trigger failed', { error });
      request.error = new Error(genericFailureMessage(language), { cause: error });
    },
  };
}
