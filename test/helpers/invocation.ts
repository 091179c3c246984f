import type { FlowMetric } from '@shared/metrics/catalog';
import type { Metrics } from '@shared/metrics/invocation-metrics';

/** Metrics that keep what the steps counted, for a test to read. */
export interface RecordedMetrics extends Metrics {
  readonly counted: Partial<Record<FlowMetric, number>>;
}

/** A {@link RecordedMetrics} with nothing counted yet. */
export function recordedMetrics(): RecordedMetrics {
  const counted: Partial<Record<FlowMetric, number>> = {};
  return {
    counted,
    count: (metric, value = 1) => {
      counted[metric] = (counted[metric] ?? 0) + value;
    },
  };
}

/**
 * The parts of a step context that come from the invocation rather than the function, as the handler gives them:
 * 5 seconds left, an abort signal that is not aborted, and metrics that keep what the steps count.
 */
export function invocationParts(): { remainingTimeMs: () => number; signal: AbortSignal; metrics: RecordedMetrics } {
  return { remainingTimeMs: () => 5_000, signal: new AbortController().signal, metrics: recordedMetrics() };
}
