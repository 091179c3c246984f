/**
 * Milliseconds on a monotonic clock, for measuring durations. Read from `process.hrtime` rather than
 * `performance.now()`: the first use of the global `performance` loads Node's performance timing modules, about
 * 0.5 ms of every cold start that measures anything (BENCHMARKS.md, "Cold start").
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
