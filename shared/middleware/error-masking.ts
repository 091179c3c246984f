import type { MiddlewareObj } from '@middy/core';
import { genericFailureMessage, isUserFacing, Refusal, UserFacingError } from '../errors';
import type { Logger, LogLine } from '../logger';
import { eventLanguage, FALLBACK_LANGUAGE, type Language } from '../messages/languages';
import { outcomeOfError } from '../metrics/outcome';
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

/** The line an invocation that ended with `error` ends with: a refusal is a warning, anything else an error. */
function outcomeLine(error: unknown): LogLine {
  return isUserFacing(error)
    ? { level: 'warn', message: 'Trigger rejected the request', fields: { error } }
    : { level: 'error', message: 'Trigger failed', fields: { error } };
}

/**
 * Middy middleware that decides what Cognito — and so the end user — sees of a failure, in the language of the
 * event's user (their `locale` attribute; English without one). A user-facing error keeps its message, a refusal
 * of the message catalog in that language, and is logged as a warning; anything else is logged with its cause and
 * replaced by an error carrying the generic failure message, so no internal or SDK message reaches a user. The
 * line it logs is the invocation's last, and carries its metrics: refused by which rule, or failed on what.
 */
export function errorMasking(fallbackLogger: Logger): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  return {
    onError: (request) => {
      const error: unknown = request.error;
      const { logger = fallbackLogger, metrics } = request.context;
      const line = outcomeLine(error);
      if (metrics === undefined) logger[line.level](line.message, line.fields);
      else logger.emit(metrics.members(outcomeOfError(error)), line);
      const language = eventLanguage(request.event);
      if (isUserFacing(error)) {
        if (error instanceof Refusal) {
          const message = inLanguage((shown) => error.inLanguage(shown), language, logger);
          request.error = new UserFacingError(message, { cause: error });
        }
        return;
      }
      request.error = new Error(inLanguage(genericFailureMessage, language, logger), { cause: error });
    },
  };
}
