import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child-process';
import type { ColdRun } from './cold-run';
import type { ColdScenario } from './cold-scenarios';
import type { BenchEmulators } from './emulators';
import { type Summary, summarise } from './stats';

/**
 * What a cold-start row is: the baseline, one of our functions on a path, a floor without or with the path's
 * work, or the function built or started differently (to show what a change would do).
 */
export type ColdKind = 'bare' | 'function' | 'floor' | 'floor+calls' | 'what-if';

/** Key prefix of the what-if rows that start a bundle without `--enable-source-maps` (compared with such a bare). */
export const NO_SOURCE_MAPS = 'no-source-maps:';

/** One bundle started cold, with everything a run needs. */
export interface ColdVariant {
  /** Unique row key: `bare`, the scenario id, or `<kind>:<scenario id>`. */
  readonly key: string;
  readonly kind: ColdKind;
  /** What the row is, for the table. */
  readonly label: string;
  /** The path this row belongs to (none for the baseline). */
  readonly scenario: ColdScenario | undefined;
  /** The production bundle, timed. */
  readonly bundleFile: string;
  /** The same bundle built with the module trace, run once for the require trace (none for what-ifs). */
  readonly tracedFile: string | undefined;
  /** The process environment, complete (nothing is inherited). */
  readonly env: NodeJS.ProcessEnv;
  /** Added to run numbers, so that variants writing state never meet each other's users. */
  readonly runOffset: number;
}

/** The cold-start measurements of one variant. */
export interface ColdMeasurement {
  readonly key: string;
  readonly kind: ColdKind;
  readonly label: string;
  readonly init: Summary;
  readonly invoke: Summary;
  readonly total: Summary;
  /** Packages evaluated while loading, and first evaluated by the first invocation (from the traced run). */
  readonly packagesAtInit: readonly string[];
  readonly packagesOnInvoke: readonly string[];
  /** AWS operations the traced run called, sorted. */
  readonly operations: readonly string[];
  /** Runs whose outcome was not what the path produces, with why. */
  readonly problems: readonly string[];
}

const CHILD_TIMEOUT_MS = 30_000;

/** Runs one fresh process of `variant` on run `run`'s event; returns the run and the operations it called. */
async function startCold(
  variant: ColdVariant,
  bundle: string,
  run: number,
  context: { childScript: string; eventsDir: string; emulators: BenchEmulators },
): Promise<{ run: ColdRun; operations: string[]; problem: string | undefined }> {
  const eventFile = join(context.eventsDir, `${variant.key.replace(/[^\w-]+/g, '_')}-${run}.json`);
  const event = variant.scenario === undefined ? {} : variant.scenario.event(variant.runOffset + run);
  writeFileSync(eventFile, JSON.stringify(event));
  context.emulators.takeOperations();
  const result = await runChild<ColdRun>(context.childScript, [bundle, eventFile], variant.env, CHILD_TIMEOUT_MS);
  const isFloor = variant.kind === 'bare' || variant.kind === 'floor' || variant.kind === 'floor+calls';
  const problem = !isFloor
    ? variant.scenario?.check(result.outcome)
    : 'threw' in result.outcome
      ? result.outcome.threw
      : undefined;
  return { run: result, operations: context.emulators.takeOperations(), problem: problem && `run ${run}: ${problem}` };
}

/**
 * Starts every variant cold `runs` times, one fresh Node process each, interleaving the variants (rotating
 * their order every round) so that a change in machine load spreads over all of them. Then runs each traced
 * bundle once (run number `runs`, which gets its own users) for the require trace and the AWS operations.
 * A variant uses run numbers from its `runOffset` on, so the scenarios' state never carries over.
 */
export async function measureCold(
  variants: readonly ColdVariant[],
  runs: number,
  context: { childScript: string; workDir: string; emulators: BenchEmulators },
  progress: (message: string) => void,
): Promise<ColdMeasurement[]> {
  const eventsDir = join(context.workDir, 'events');
  mkdirSync(eventsDir, { recursive: true });
  const shared = { ...context, eventsDir };
  const timed = new Map<string, { runs: ColdRun[]; problems: string[] }>(
    variants.map((variant) => [variant.key, { runs: [], problems: [] }]),
  );
  for (let run = 0; run < runs; run += 1) {
    progress(`cold start round ${run + 1}/${runs}`);
    for (let index = 0; index < variants.length; index += 1) {
      const variant = variants[(index + run) % variants.length];
      if (variant === undefined) continue;
      const result = await startCold(variant, variant.bundleFile, run, shared);
      const record = timed.get(variant.key);
      record?.runs.push(result.run);
      if (result.problem !== undefined) record?.problems.push(result.problem);
    }
  }
  const measurements: ColdMeasurement[] = [];
  for (const variant of variants) {
    const traced =
      variant.tracedFile === undefined ? undefined : await startCold(variant, variant.tracedFile, runs, shared);
    const record = timed.get(variant.key) ?? { runs: [], problems: [] };
    measurements.push({
      key: variant.key,
      kind: variant.kind,
      label: variant.label,
      init: summarise(record.runs.map((run) => run.initMs)),
      invoke: summarise(record.runs.map((run) => run.invokeMs)),
      total: summarise(record.runs.map((run) => run.initMs + run.invokeMs)),
      packagesAtInit: traced?.run.packagesAtInit ?? [],
      packagesOnInvoke: traced?.run.packagesOnInvoke ?? [],
      operations: traced?.operations ?? [],
      problems: traced?.problem === undefined ? record.problems : [...record.problems, traced.problem],
    });
  }
  return measurements;
}
