import { monotonicMs } from '../monotonic-clock';
import type { FlowMetric } from './catalog';
import { metricMembers, type Outcome } from './document';

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

/** An invocation's metrics: what its flow counted, and the metric members its outcome line ends with. */
export interface InvocationMetrics extends Metrics {
  /** The Embedded Metric Format members, as JSON text, of the invocation ending now with `outcome`. */
  members(outcome: Outcome): string;
}

/** Starts recording the metrics of `invocation`; its duration runs from now to the call of `members`. */
export function invocationMetrics(invocation: MeteredInvocation): InvocationMetrics {
  const startedAt = monotonicMs();
  const counts = new Map<FlowMetric, number>();
  return {
    count: (metric, value = 1) => {
      counts.set(metric, (counts.get(metric) ?? 0) + value);
    },
    members: (outcome) =>
      metricMembers({
        functionName: invocation.functionName,
        triggerSource: invocation.triggerSource,
        coldStart: invocation.coldStart,
        outcome,
        durationMs: monotonicMs() - startedAt,
        counts,
        timestamp: Date.now(),
      }),
  };
}
