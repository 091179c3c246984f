import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { type Logger, logText } from '../logger';
import { type InvocationMetrics, invocationMetrics } from '../metrics/invocation-metrics';
import type { TriggerDefinition, TriggerEvent } from '../trigger';
import { lambdaFields } from './lambda-fields';

/** The Lambda context as the flows see it: with the invocation's logger and metrics attached. */
export interface InvocationContext extends Context {
  logger: Logger;
  /** What the flow counts, and the metric members of the invocation's outcome line. */
  metrics: InvocationMetrics;
}

function member(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;
}

/**
 * Middy middleware that attaches to `context.logger` a logger whose lines carry the invocation's trigger source,
 * user pool, app client and request id, the function's name and version, whether the invocation is the first of
 * its container (`coldStart`), and the X-Ray trace id when Lambda passes one; and to `context.metrics` the
 * recorder of its metrics. An invocation that succeeds ends with the line `Trigger completed`, which carries its
 * metrics (a failed one ends with the line of `errorMasking`). It reads the raw event defensively: it runs before
 * the event is validated, and only a trigger source of `definition` becomes a metric's dimension.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
export function logContext<E extends TriggerEvent>(
  baseLogger: Logger,
  definition: TriggerDefinition<E>,
): MiddlewareObj<unknown, unknown, Error, InvocationContext> {
  const sources: readonly unknown[] = definition.sources;
  let coldStart = true;
  return {
    before: ({ event, context }) => {
      const triggerSource = member(event, 'triggerSource');
      context.logger = baseLogger.child({
        triggerSource: logText(triggerSource),
        userPoolId: logText(member(event, 'userPoolId')),
        clientId: logText(member(member(event, 'callerContext'), 'clientId')),
        requestId: logText(context.awsRequestId),
        ...lambdaFields(context, coldStart),
      });
      context.metrics = invocationMetrics({
        functionName: logText(context.functionName) ?? definition.trigger,
        triggerSource: sources.includes(triggerSource) ? (triggerSource as string) : 'unknown',
        coldStart,
      });
      coldStart = false;
    },
    after: ({ context }) => {
      context.logger.emit(context.metrics.members({ kind: 'Accepted' }), {
        level: 'info',
        message: 'Trigger completed',
      });
    },
  };
}
