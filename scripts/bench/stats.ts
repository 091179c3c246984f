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

/** Where a ratio of medians lies, 95 times in 100, given how much the rounds of the run varied. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** How many resamplings {@link ratioInterval} makes. */
const RESAMPLES = 2_000;

/** A small generator of numbers in [0, 1) (mulberry32), seeded so that the same results give the same interval. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The 95 % interval of `median(numerators) / median(denominators)`, by a paired bootstrap: the two rows were measured
 * in the same rounds (`numerators[i]` next to `denominators[i]`), so whole rounds are drawn with replacement, as many
 * as were measured, {@link RESAMPLES} times, and the interval runs from the 2.5th to the 97.5th percentile of the
 * ratios of the draws. An interval that holds 1 means the run cannot tell the two rows apart.
 */
export function ratioInterval(numerators: readonly number[], denominators: readonly number[]): Interval {
  const rounds = numerators.length;
  if (rounds === 0 || denominators.length !== rounds) {
    throw new Error(`A ratio interval needs the same rounds of both rows, got ${rounds} and ${denominators.length}.`);
  }
  const random = seededRandom(rounds);
  const ratios: number[] = [];
  for (let draw = 0; draw < RESAMPLES; draw += 1) {
    const top: number[] = [];
    const bottom: number[] = [];
    for (let taken = 0; taken < rounds; taken += 1) {
      const round = Math.floor(random() * rounds);
      top.push(numerators[round] ?? Number.NaN);
      bottom.push(denominators[round] ?? Number.NaN);
    }
    ratios.push(summarise(top).median / summarise(bottom).median);
  }
  ratios.sort((a, b) => a - b);
  return { low: quantile(ratios, 0.025), high: quantile(ratios, 0.975) };
}
