import type { MiddlewareObj } from '@middy/core';
import type { InvocationContext } from './log-context';

/** The message of the log line that carries an incoming event. */
export const EVENT_LOG_MESSAGE = 'Trigger event';

/**
 * Middy middleware that, when `enabled` (`LOG_EVENTS=true`), logs each incoming event at info level under
 * `event`, exactly as it arrived (before it is validated). The logger redacts it like every other line: passwords,
 * codes and other secret-looking keys are dropped and email addresses masked. This is how fixtures are recorded
 * from a real user pool; leave it off otherwise, since events carry personal data.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export function eventRecording(enabled: boolean): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  return {
    before: ({ event, context }) => {
      if (enabled) context.logger.info(EVENT_LOG_MESSAGE, { event });
    },
  };
}
