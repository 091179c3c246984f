import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Logger } from '../logger';
import { type InvocationMetrics, invocationMetrics } from '../metrics/invocation-metrics';
import type { TriggerDefinition, TriggerEvent } from '../trigger';

/** The Lambda context as the flows see it: with the invocation's logger and metrics attached. */
export interface InvocationContext extends Context {
  logger: Logger;
  /** What the flow counts, and the metric document of the invocation's outcome line. */
  metrics: InvocationMetrics;
}

const MAX_FIELD = 128;
/** The part of the `_X_AMZN_TRACE_ID` header that identifies the trace: `Root=1-5759e988-bd862e3fe1be46a994272793`. */
const TRACE_ROOT = /(?:^|;)Root=([^;]+)/;

function member(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : undefined;
}

/** The X-Ray trace id of the current invocation, which Lambda's runtime sets before each one, if any. */
function xRayTraceId(): string | undefined {
  return text(TRACE_ROOT.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1]);
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
      const functionName = text(context.functionName) ?? definition.trigger;
      context.logger = baseLogger.child({
        triggerSource: text(triggerSource),
        userPoolId: text(member(event, 'userPoolId')),
        clientId: text(member(member(event, 'callerContext'), 'clientId')),
        requestId: text(context.awsRequestId),
        functionName,
        functionVersion: text(context.functionVersion),
        coldStart,
        xRayTraceId: xRayTraceId(),
      });
      context.metrics = invocationMetrics({
        functionName,
        triggerSource: sources.includes(triggerSource) ? (triggerSource as string) : 'unknown',
        coldStart,
      });
      coldStart = false;
    },
    after: ({ context }) => {
      context.logger.emit(context.metrics.document({ kind: 'Accepted' }), {
        level: 'info',
        message: 'Trigger completed',
      });
    },
  };
}
