import { isAwsSdkPackage } from './metafile';
import type { BenchResults, TargetResult, WarmRow } from './results';

/** The limits. */
export const LIMITS = {
  /** Cold init of an SDK-free path, as a multiple of the bare handler's. */
  sdkFreeRatioToBare: 10,
  /** Cold init of every path, as a multiple of its floor's. */
  ratioToFloor: 1.15,
  /** Warm µs per invocation above the bare handler's. */
  warmOverheadMicros: 50,
  /** Cognito's time limit for a synchronous trigger. */
  triggerBudgetMs: 5_000,
  /** "Well inside" the budget: at least this much of it left after verification and the cold start with I/O. */
  passwordBudgetLeftMs: 2_500,
} as const;

const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Checks every target of the issue against the measurements. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetResult[] {
  const targets: TargetResult[] = [];
  for (const row of results.cold) {
    const bundle = results.bundles.find((candidate) => candidate.functionName === row.functionName);
    if (row.sdkFree) {
      const traced = [...row.measured.packagesAtInit, ...row.measured.packagesOnInvoke].filter(isAwsSdkPackage);
      const atInit = bundle?.sdkPackagesAtInit ?? [];
      targets.push({
        target: 'loads no AWS SDK module',
        subject: row.id,
        met: atInit.length === 0 && traced.length === 0,
        measured:
          `metafile: ${atInit.length} SDK packages on the load-time import graph (${bundle?.sdkPackages.length ?? 0} bundled); ` +
          `trace: ${traced.length === 0 ? 'none evaluated' : traced.join(', ')}`,
      });
      targets.push({
        target: `cold init ≤ ${LIMITS.sdkFreeRatioToBare}× bare`,
        subject: row.id,
        met: row.ratioToBare <= LIMITS.sdkFreeRatioToBare,
        measured: `${ms(row.measured.total.median)} vs bare ${ms(results.bare.total.median)}: ${row.ratioToBare}×`,
      });
    }
    const floorRatio = row.ratioToFloorWithCalls ?? row.ratioToFloor;
    const floor = row.floorWithCalls ?? row.floor;
    targets.push({
      target: `cold init ≤ ${LIMITS.ratioToFloor}× floor`,
      subject: row.id,
      met: floorRatio <= LIMITS.ratioToFloor,
      measured:
        `${ms(row.measured.total.median)} vs floor ${ms(floor.total.median)}: ${floorRatio}×` +
        (row.floorWithCalls === undefined
          ? ' (floor = bare handler)'
          : `; vs the construct-only floor: ${row.ratioToFloor}×`),
    });
  }
  for (const functionName of new Set(results.warm.map((row) => row.functionName))) {
    const worst = (mode: WarmRow['mode']) =>
      results.warm
        .filter((row) => row.functionName === functionName && row.mode === mode)
        .reduce<WarmRow | undefined>(
          (found, row) => (found === undefined || row.overheadMicros > found.overheadMicros ? row : found),
          undefined,
        );
    const plumbing = worst('plumbing');
    const flow = worst('flow');
    if (plumbing === undefined) continue;
    targets.push({
      target: `warm plumbing overhead ≤ ${LIMITS.warmOverheadMicros} µs`,
      subject: functionName,
      met: plumbing.overheadMicros <= LIMITS.warmOverheadMicros,
      measured:
        `worst fixture ${plumbing.fixture}: +${plumbing.overheadMicros.toFixed(1)} µs over bare` +
        (flow === undefined ? '' : `; whole flow, worst ${flow.fixture}: +${flow.overheadMicros.toFixed(1)} µs`),
    });
  }
  for (const row of results.passwords) {
    targets.push({
      target: `password check well inside ${LIMITS.triggerBudgetMs} ms (≥ ${LIMITS.passwordBudgetLeftMs} ms left)`,
      subject: `${row.format} ${row.parameters}`,
      met: row.budgetLeftMs >= LIMITS.passwordBudgetLeftMs,
      measured: `p99 ${ms(row.ms.p99)}, budget left ${ms(row.budgetLeftMs)}`,
    });
  }
  return targets;
}
