/**
 * What is timed: `flow` is the function's whole handler (plumbing and steps, with in-memory dependencies);
 * `plumbing` is the same handler with an empty step list: middy, log context, guard, error masking, logging.
 */
export type WarmMode = 'flow' | 'plumbing';

/** What a warm-invocation child measures for one fixture. */
export interface WarmRun {
  readonly fixture: string;
  readonly mode: WarmMode;
  /** Microseconds per invocation, one figure per timed batch. */
  readonly batchMicros: readonly number[];
  /** Invocations per timed batch. */
  readonly batchSize: number;
  /** Whether the invocations returned (`returned`) or threw, with the last error's message. */
  readonly outcome: string;
}

/** Warm-up before timing, so the JIT has compiled the hot paths: this many invocations, or this long. */
export const WARM_UP = { invocations: 2_000, ms: 1_000 } as const;
/** Timed batches per fixture; the median of their per-invocation times is reported. */
export const WARM_BATCHES = 25;
/** Each batch is sized (from the warm-up's mean) to take about this long, so timer resolution does not matter. */
export const WARM_BATCH_MS = 20;
/** Bounds of the batch size. */
export const WARM_BATCH_SIZE = { min: 1, max: 2_000 } as const;
