import { UNOBSERVED } from './build-variants';
import { callsAgainstFloor } from './cold-rows';
import { TRIGGER_BUDGET_MS } from './passwords';
import type { BenchResults, TargetResult } from './results';
import { type Interval, ratioInterval } from './stats';
import { times } from './table';
import type { WarmRow } from './warm';

/** The limits the numbers are judged by (BENCHMARKS.md, "Targets"). */
export const LIMITS = {
  /** Cold start of a path that calls no AWS service, as a multiple of the bare handler's. */
  ratioToBare: 10,
  /** Cold start of a path that calls AWS, as a multiple of its floor's (the same calls, nothing else loaded). */
  ratioToFloor: 1.1,
  /** Warm µs per invocation of the plumbing above the bare handler's. */
  plumbingMicros: 50,
  /** Warm µs per invocation the metrics and the richer log lines add to the plumbing. */
  observabilityMicros: 5,
  /**
   * Cold start of the shipped build as a multiple of the build without observability. "Nothing measurable" also asks
   * that the ratio's 95 % interval reach 1: a cost the run can tell apart from none is not met, however small.
   */
  observabilityColdRatio: 1.05,
  /** "Well inside" Cognito's 5 s: at least this much left after the p99 check and the rest of a cold sign-in. */
  passwordBudgetLeftMs: 2_500,
  /** `npm start` ready (emulators, functions, the pool provisioned) within this, on 2 cores. */
  poolReadyMs: 10_000,
  /** Local sign-up → confirm → first sign-in through the Cognito layer, as a multiple of cognito-local's without it. */
  layerRatio: 1.2,
} as const;

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const interval = ({ low, high }: Interval): string => `95 % interval ${low.toFixed(2)}–${high.toFixed(2)}×`;

function coldTargets({ cold }: BenchResults): TargetResult[] {
  if (cold === undefined) return [];
  return cold.paths.map((path) => {
    const [baseline, limit, ratio] = path.callsAws
      ? (['floor', LIMITS.ratioToFloor, path.ratioToFloor] as const)
      : (['bare', LIMITS.ratioToBare, path.ratioToBare] as const);
    const judgedAgainst = path.callsAws ? path.floor : cold.bare;
    return {
      target: `cold start ≤ ${times(limit)} ${baseline}`,
      subject: path.id,
      met: ratio <= limit && path.sameCallsAsFloor,
      measured: path.sameCallsAsFloor
        ? `${ms(path.measured.total.median)} = ${times(ratio)} ${baseline} (${ms(judgedAgainst.total.median)}), ${interval(
            ratioInterval(path.measured.totals, judgedAgainst.totals),
          )}`
        : `not comparable: the path ${callsAgainstFloor(path)}`,
    };
  });
}

/** What the metrics and the richer log lines add to a warm invocation of the plumbing, in µs (medians). */
export function observabilityMicros(plumbing: WarmRow, unobserved: WarmRow): number {
  return plumbing.micros.median - unobserved.micros.median;
}

/** Per function, the fixture on which observability costs the most, warm, and per path, what it costs cold. */
function observabilityTargets({ cold, warm }: BenchResults): TargetResult[] {
  const coldTargets = (cold?.paths ?? []).flatMap((path) =>
    path.variants
      .filter((variant) => variant.variant === UNOBSERVED.name)
      .map((variant) => {
        const ratio = 1 / variant.ratioToShipped;
        const spread = ratioInterval(path.measured.totals, variant.measured.totals);
        return {
          target: `cold start with observability ≤ ${times(LIMITS.observabilityColdRatio)} without, and not measurably above`,
          subject: path.id,
          met: ratio <= LIMITS.observabilityColdRatio && spread.low <= 1,
          measured: `${ms(path.measured.total.median)} = ${times(ratio)} ${ms(variant.measured.total.median)}, ${interval(spread)}`,
        };
      }),
  );
  const worst = new Map<string, { row: WarmRow; micros: number }>();
  for (const row of warm?.rows.filter((candidate) => candidate.mode === 'plumbing') ?? []) {
    const unobserved = warm?.rows.find(
      (candidate) =>
        candidate.mode === 'unobserved plumbing' &&
        candidate.functionName === row.functionName &&
        candidate.fixture === row.fixture,
    );
    if (unobserved === undefined) continue;
    const micros = observabilityMicros(row, unobserved);
    const found = worst.get(row.functionName);
    if (found === undefined || micros > found.micros) worst.set(row.functionName, { row, micros });
  }
  const warmTargets = [...worst.values()].map(({ row, micros }) => ({
    target: `observability ≤ ${LIMITS.observabilityMicros} µs per warm invocation`,
    subject: row.functionName,
    met: micros <= LIMITS.observabilityMicros,
    measured: `${micros < 0 ? '' : '+'}${micros.toFixed(1)} µs (worst fixture: ${row.fixture})`,
  }));
  return [...coldTargets, ...warmTargets];
}

function warmTargets({ warm }: BenchResults): TargetResult[] {
  if (warm === undefined) return [];
  const worst = new Map<string, WarmRow>();
  for (const row of warm.rows.filter((candidate) => candidate.mode === 'plumbing')) {
    const found = worst.get(row.functionName);
    if (found === undefined || row.overheadMicros > found.overheadMicros) worst.set(row.functionName, row);
  }
  return [...worst.values()].map((row) => ({
    target: `warm plumbing ≤ ${LIMITS.plumbingMicros} µs over bare`,
    subject: row.functionName,
    met: row.overheadMicros <= LIMITS.plumbingMicros,
    measured: `+${row.overheadMicros.toFixed(1)} µs (worst fixture: ${row.fixture})`,
  }));
}

function passwordTargets({ passwords }: BenchResults): TargetResult[] {
  return (passwords ?? []).flatMap((row) =>
    row.budgetLeftMs === undefined
      ? []
      : [
          {
            target: `password check leaves ≥ ${LIMITS.passwordBudgetLeftMs} ms of ${TRIGGER_BUDGET_MS} ms`,
            subject: `${row.format} ${row.parameters}`,
            met: row.budgetLeftMs >= LIMITS.passwordBudgetLeftMs,
            measured: `p99 ${ms(row.ms.p99)}, ${row.budgetLeftMs.toFixed(0)} ms left`,
          },
        ],
  );
}

function localPoolTargets({ endToEnd }: BenchResults): TargetResult[] {
  if (endToEnd?.measured !== true) return [];
  const ratio = endToEnd.withTriggers.median / endToEnd.withTriggersWithoutLayer.median;
  return [
    {
      target: `local pool ready ≤ ${LIMITS.poolReadyMs} ms`,
      subject: 'npm start',
      met: endToEnd.poolReadyMs <= LIMITS.poolReadyMs,
      measured: `${endToEnd.poolReadyMs.toFixed(0)} ms`,
    },
    {
      target: `Cognito layer ≤ ${times(LIMITS.layerRatio)} cognito-local`,
      subject: 'sign-up → confirm → first sign-in',
      met: ratio <= LIMITS.layerRatio,
      measured: `${ms(endToEnd.withTriggers.median)} = ${times(ratio)} ${ms(endToEnd.withTriggersWithoutLayer.median)}`,
    },
  ];
}

/** Every target the measured sections decide, with the figure that decides it. */
export function evaluateTargets(results: BenchResults): TargetResult[] {
  return [
    ...coldTargets(results),
    ...warmTargets(results),
    ...observabilityTargets(results),
    ...passwordTargets(results),
    ...localPoolTargets(results),
  ];
}
