import { createLogger, type LogLevel } from '@shared/logger';
import { reject, type StepContext } from '@shared/steps';
import type { TriggerEvent } from '@shared/trigger';
import { invocationParts, type RecordedMetrics } from './invocation';
import { captureLogs, type LogCapture } from './log-capture';

/**
 * A step context over `event` and `config` as a flow's handler gives its steps, with the function's `dependencies`
 * spread in: a logger at `level` whose lines the returned capture keeps, the runner's `reject`, Cognito's five
 * seconds left, an abort signal that is not aborted, and metrics that keep what the steps count (returned too).
 */
export function testStepContext<E extends TriggerEvent, C, D extends object = Record<never, never>>(
  event: E,
  config: C,
  dependencies: D = {} as D,
  level: LogLevel = 'debug',
): { context: StepContext<E, C> & D; logs: LogCapture; metrics: RecordedMetrics } {
  const logs = captureLogs();
  const logger = createLogger({ level, sink: logs.sink });
  const invocation = invocationParts();
  return {
    context: { ...dependencies, event, config, logger, reject, ...invocation },
    logs,
    metrics: invocation.metrics,
  };
}
