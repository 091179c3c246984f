import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { CommonConfig } from './config';
import { createLogger, type Logger, type LogLevel, type LogSink } from './logger';
import { errorMasking } from './middleware/error-masking';
import { eventRecording } from './middleware/event-recording';
import { type InvocationContext, logContext } from './middleware/log-context';
import { triggerGuard } from './middleware/trigger-guard';
import { reject, runSteps, type Step, type StepContext } from './steps';
import type { TriggerDefinition, TriggerEvent } from './trigger';

/**
 * The business logic of one trigger: it reads the event and sets `event.response` fields. `signal` is aborted
 * when middy's early timeout fires, shortly before Lambda stops the invocation: the flow passes it to every AWS
 * call, so that a call still in flight then is abandoned instead of running on after Cognito got its answer.
 */
export type TriggerFlow<E extends TriggerEvent> = (
  event: E,
  context: InvocationContext,
  signal: AbortSignal,
) => Promise<void>;

/** A Lambda handler as Cognito calls it: it resolves to the (possibly changed) event. */
export type TriggerHandler<E extends TriggerEvent> = (event: E, context: Context) => Promise<E>;

/** Logging settings of a handler; tests pass a sink to read the lines. */
export interface HandlerLogging {
  level: LogLevel;
  sink?: LogSink;
  /** Log each incoming event, redacted (see {@link eventRecording}). */
  logEvents: boolean;
}

/** Milliseconds before the Lambda timeout at which middy aborts the flow and the error is masked. */
const TIMEOUT_MARGIN_MS = 100;
/** Cognito's limit for a synchronous trigger: the time left assumed when the caller passes no Lambda context. */
const COGNITO_TIMEOUT_MS = 5_000;

/** The time left of an invocation, from the Lambda context (or Cognito's limit from now, without one). */
function remainingTime(context: Context): () => number {
  if (typeof context.getRemainingTimeInMillis === 'function') {
    return () => context.getRemainingTimeInMillis();
  }
  const deadline = Date.now() + COGNITO_TIMEOUT_MS;
  return () => deadline - Date.now();
}

/**
 * Wraps a trigger flow in the project's middleware: per-invocation log context and metrics, error masking,
 * optional logging of the incoming event (`LOG_EVENTS`), and a guard that rejects malformed events and events of
 * other triggers. Every invocation ends with one line, its outcome, which carries its metrics in CloudWatch's
 * Embedded Metric Format (shared/metrics/). The handler returns the event, so a flow that changes nothing gives
 * Cognito its default behaviour.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export function createTriggerHandler<E extends TriggerEvent>(
  definition: TriggerDefinition<E>,
  flow: TriggerFlow<E>,
  logging: HandlerLogging,
): TriggerHandler<E> {
  const logger: Logger = createLogger(logging);
  const handler = middy<E, E, Error, InvocationContext>({ timeoutEarlyInMillis: TIMEOUT_MARGIN_MS })
    .use(logContext(logger, definition))
    .use(errorMasking(logger))
    .use(eventRecording(logging.logEvents))
    .use(triggerGuard(definition))
    .handler(async (event, context, { signal }) => {
      await flow(event, context, signal);
      return event;
    });
  return handler as unknown as TriggerHandler<E>;
}

/**
 * Builds a trigger's handler from its ordered steps: each invocation runs `steps` over a context made of the
 * event, `config`, the invocation's logger and metrics, `reject`, the time left before Lambda stops the
 * invocation, the abort signal of its AWS calls, and `dependencies` (the stores and clients the steps use).
 */
export function createFlowHandler<E extends TriggerEvent, C extends CommonConfig, D extends object>(
  definition: TriggerDefinition<E>,
  steps: readonly Step<StepContext<E, C> & D>[],
  config: C,
  dependencies: D,
): TriggerHandler<E> {
  return createTriggerHandler(
    definition,
    (event, context, signal) =>
      runSteps(steps, {
        ...dependencies,
        event,
        config,
        logger: context.logger,
        metrics: context.metrics,
        reject,
        remainingTimeMs: remainingTime(context),
        signal,
      }),
    { level: config.logLevel, logEvents: config.logEvents },
  );
}
