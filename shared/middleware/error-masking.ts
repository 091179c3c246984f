import type { MiddlewareObj } from '@middy/core';
import { GENERIC_FAILURE_MESSAGE, isUserFacing } from '../errors';
import type { Logger } from '../logger';
import type { InvocationContext } from './log-context';

/**
 * Middy middleware that decides what Cognito — and so the end user — sees of a failure. A user-facing
 * error keeps its message and is logged as a warning; anything else is logged with its cause and replaced
 * by an error carrying {@link GENERIC_FAILURE_MESSAGE}, so no internal or SDK message reaches a user.
 */
export function errorMasking(fallbackLogger: Logger): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  return {
    onError: (request) => {
      const error: unknown = request.error;
      const logger = request.context.logger ?? fallbackLogger;
      if (isUserFacing(error)) {
        logger.warn('Trigger rejected the request', { error });
        return;
      }
      logger.error('Trigger failed', { error });
      request.error = new Error(GENERIC_FAILURE_MESSAGE, { cause: error });
    },
  };
}
