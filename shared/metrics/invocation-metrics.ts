import type { FlowMetric } from './catalog';
import { metricDocument, type Outcome } from './document';

/** What a step may do with its invocation's metrics. */
export interface Metrics {
  /** Adds `value` (1 when not given) to the flow metric `metric` of this invocation. */
  count(metric: FlowMetric, value?: number): void;
}

/** The invocation a recorder belongs to, as its metrics' dimensions name it. */
export interface MeteredInvocation {
  /** The deployed function's name, as AWS/Lambda's `FunctionName` dimension gives it. */
  readonly functionName: string;
  /** One of the function's trigger sources, or `unknown` for an event that has none of them. */
  readonly triggerSource: string;
  /** Whether it is the first invocation of its container. */
  readonly coldStart: boolean;
}

/** An invocation's metrics: what its flow counted, and the document its outcome line carries. */
export interface InvocationMetrics extends Metrics {
  /** The Embedded Metric Format members for the invocation ending now with `outcome`. */
  document(outcome: Outcome): Record<string, unknown>;
}

/** Starts recording the metrics of `invocation`; its duration runs from now to the call of `document`. */
export function invocationMetrics(invocation: MeteredInvocation): InvocationMetrics {
  const startedAt = performance.now();
  const counts = new Map<FlowMetric, number>();
  return {
    count: (metric, value = 1) => {
      counts.set(metric, (counts.get(metric) ?? 0) + value);
    },
    document: (outcome) =>
      metricDocument({
        ...invocation,
        outcome,
        durationMs: performance.now() - startedAt,
        counts,
        timestamp: Date.now(),
      }),
  };
}
