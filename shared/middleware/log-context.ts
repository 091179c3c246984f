import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Logger } from '../logger';

/** The Lambda context as the flows see it: with the invocation's logger attached. */
export interface InvocationContext extends Context {
  logger: Logger;
}

const MAX_FIELD = 128;

function member(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : undefined;
}

/**
 * Middy middleware that attaches to `context.logger` a logger whose lines carry the invocation's trigger
 * source, user pool, app client and request id, and logs each successful invocation with its duration.
 * It reads the raw event defensively: it runs before the event is validated.
 */
export function logContext(baseLogger: Logger): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  const startedAt = new WeakMap<object, number>();
  return {
    before: (request) => {
      const { event, context } = request;
      startedAt.set(context, performance.now());
      context.logger = baseLogger.child({
        triggerSource: text(member(event, 'triggerSource')),
        userPoolId: text(member(event, 'userPoolId')),
        clientId: text(member(member(event, 'callerContext'), 'clientId')),
        requestId: text(context.awsRequestId),
      });
    },
    after: ({ context }) => {
      const durationMs = performance.now() - (startedAt.get(context) ?? performance.now());
      context.logger.info('Trigger completed', { durationMs: Math.round(durationMs * 10) / 10 });
    },
  };
}
