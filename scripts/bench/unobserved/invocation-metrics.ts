/*
 * Stands in for shared/metrics/invocation-metrics.ts in the bench's builds without observability: it counts nothing,
 * and its members are what the invocation's last line carried before the metrics, its duration in milliseconds,
 * on the same clock.
 */
import type { InvocationMetrics } from '@shared/metrics/invocation-metrics';
import { monotonicMs } from '@shared/monotonic-clock';

export function invocationMetrics(): InvocationMetrics {
  const startedAt = monotonicMs();
  return {
    count: () => undefined,
    members: () => `"durationMs":${Math.round((monotonicMs() - startedAt) * 10) / 10}`,
  };
}
