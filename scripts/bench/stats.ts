/** Summary of repeated measurements: the median and the spread around it. */
export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}

/** The `q`-quantile (0–1) of ascending `sorted` values, interpolating linearly between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

/** Summarises `values`; throws on an empty list, since a summary of nothing would be a made-up number. */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('Cannot summarise zero measurements.');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** `a / b` rounded to two decimals, for ratios printed next to medians. */
export function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}
