/*
 * Stands in for shared/metrics/invocation-metrics.ts in the bench's builds without observability: it counts nothing,
 * and its members are what the invocation's last line carried before the metrics, its duration in milliseconds.
 */
import type { InvocationMetrics } from '@shared/metrics/invocation-metrics';

export function invocationMetrics(): InvocationMetrics {
  const startedAt = performance.now();
  return {
    count: () => undefined,
    members: () => `"durationMs":${Math.round((performance.now() - startedAt) * 10) / 10}`,
  };
}
