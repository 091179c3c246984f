import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child-process';
import type { ColdRun } from './cold-child';
import type { BenchEmulators } from './emulators';
import { type ColdPath, pathEvent, type RunSetUp } from './functions/benched-function';
import { type Summary, summarise } from './stats';

/** One bundle the bench starts cold, with everything a run of it needs. */
export interface ColdRow {
  /** `bare`, a path's id (`<function>/<path>`), or its floor's (`<function>/<path> floor`). */
  readonly key: string;
  readonly bundleFile: string;
  /** The process environment, complete (nothing is inherited). */
  readonly env: NodeJS.ProcessEnv;
  /** The path the row runs, with what its `before` may use; none for the bare handler, which gets `{}`. */
  readonly path: { readonly spec: ColdPath; readonly setUp: RunSetUp } | undefined;
  /**
   * For a row of a function: the key of the row it is judged against, its floor or the bare handler; a run must
   * produce what the path produces. Absent for those baselines, whose runs must only not throw.
   */
  readonly judgedAgainst?: string;
  /** For another build of a path or of the bare handler: that row's key, and the variant's name (build-variants.ts). */
  readonly variantOf?: { readonly key: string; readonly variant: string };
  /** Added to run numbers, so that rows writing state never meet each other's users. */
  readonly runOffset: number;
}

/** The cold starts of one row. */
export interface ColdMeasurement {
  readonly key: string;
  /** Loading the bundle, the first invocation, and both, in ms. */
  readonly init: Summary;
  readonly invoke: Summary;
  readonly total: Summary;
  /** The totals of every round, in the order of the rounds, which every row of the run shares. */
  readonly totals: readonly number[];
  /** The AWS operations of the first run, sorted. */
  readonly operations: readonly string[];
  /** Runs that did not do what the row does, with why. */
  readonly problems: readonly string[];
}

const CHILD_TIMEOUT_MS = 30_000;

/** Why `outcome` is not what `row` produces, or `undefined` when it is. */
function outcomeProblem(row: ColdRow, outcome: ColdRun['outcome']): string | undefined {
  if ('threw' in outcome) return `threw "${outcome.threw}"`;
  if (row.judgedAgainst === undefined || row.path?.spec.check === undefined) return undefined;
  const response = (outcome.returned as { response?: unknown } | undefined)?.response;
  if (typeof response !== 'object' || response === null) return 'returned no response';
  return row.path.spec.check(response as Record<string, unknown>);
}

/** Runs one fresh process of `row` on run `run`; returns its timings, AWS operations and any problem. */
async function startCold(
  row: ColdRow,
  run: number,
  context: { childScript: string; eventsDir: string; emulators: BenchEmulators },
): Promise<{ run: ColdRun; operations: string[]; problem: string | undefined }> {
  const numbered = row.runOffset + run;
  const eventFile = join(context.eventsDir, `${row.key.replace(/[^\w-]+/g, '_')}-${run}.json`);
  writeFileSync(eventFile, JSON.stringify(row.path === undefined ? {} : pathEvent(row.path.spec, numbered)));
  await row.path?.spec.before?.(numbered, row.path.setUp);
  context.emulators.takeOperations();
  const result = await runChild<ColdRun>(context.childScript, [row.bundleFile, eventFile], row.env, CHILD_TIMEOUT_MS);
  return { run: result, operations: context.emulators.takeOperations(), problem: outcomeProblem(row, result.outcome) };
}

/**
 * Starts every row cold `runs` times, one fresh Node process each, interleaving the rows (their order rotated
 * every round) so that a change in machine load spreads over all of them.
 */
export async function measureCold(
  rows: readonly ColdRow[],
  runs: number,
  context: { childScript: string; workDir: string; emulators: BenchEmulators },
  progress: (message: string) => void,
): Promise<ColdMeasurement[]> {
  const eventsDir = join(context.workDir, 'events');
  mkdirSync(eventsDir, { recursive: true });
  const records = rows.map(() => ({ runs: [] as ColdRun[], operations: [] as string[][], problems: [] as string[] }));
  for (let run = 0; run < runs; run += 1) {
    progress(`cold starts: round ${run + 1} of ${runs}`);
    for (let index = 0; index < rows.length; index += 1) {
      const position = (index + run) % rows.length;
      const row = rows[position];
      const record = records[position];
      if (row === undefined || record === undefined) continue;
      const result = await startCold(row, run, { ...context, eventsDir });
      record.runs.push(result.run);
      record.operations.push(result.operations);
      if (result.problem !== undefined) record.problems.push(`run ${run}: ${result.problem}`);
    }
  }
  return rows.map((row, index) => {
    const { runs: done, operations, problems } = records[index] ?? { runs: [], operations: [], problems: [] };
    const [first = []] = operations;
    const differing = operations.findIndex((called) => called.join() !== first.join());
    const totals = done.map((run) => run.initMs + run.invokeMs);
    return {
      key: row.key,
      init: summarise(done.map((run) => run.initMs)),
      invoke: summarise(done.map((run) => run.invokeMs)),
      total: summarise(totals),
      totals,
      operations: first,
      problems: differing < 0 ? problems : [...problems, `run ${differing} called ${operations[differing]?.join(' ')}`],
    };
  });
}
