import { FIXTURES_DIR } from '@test/helpers/fixtures';
import { runChild } from './child-process';
import type { FunctionUnderBench } from './functions';
import { type PackagedStack, packagedFunction } from './packaged-stack';
import { type Summary, summarise } from './stats';
import type { WarmMode, WarmRun } from './warm-child';

/** Warm invocations of one function on one fixture: its whole flow, or its plumbing alone. */
export interface WarmRow {
  readonly functionName: string;
  readonly fixture: string;
  readonly mode: WarmMode;
  /** µs per invocation, over the timed batches. */
  readonly micros: Summary;
  /** `returned`, or how the invocations threw. */
  readonly outcome: string;
  /** Median µs above the bare handler's. */
  readonly overheadMicros: number;
}

/** The bare handler's warm cost and every function's. */
export interface WarmResults {
  readonly bare: Summary;
  readonly rows: readonly WarmRow[];
}

const WARM_TIMEOUT_MS = 180_000;

/** Runs the warm child on the bare handler, then on each function's packaged bundle with its packaged environment. */
export async function measureWarm(
  functions: readonly FunctionUnderBench[],
  stack: PackagedStack,
  bareFile: string,
  childScript: string,
  progress: (message: string) => void,
): Promise<WarmResults> {
  const warm = (bundleFile: string, name: string, env: NodeJS.ProcessEnv) =>
    runChild<WarmRun[]>(childScript, [bundleFile, name, FIXTURES_DIR], env, WARM_TIMEOUT_MS);
  progress('warm invocations: bare handler');
  const [bareRun] = await warm(bareFile, 'bare', { PATH: process.env.PATH });
  if (bareRun === undefined) throw new Error('The warm child measured nothing for the bare handler.');
  const bare = summarise(bareRun.batchMicros);
  const rows: WarmRow[] = [];
  for (const { name, benched } of functions) {
    progress(`warm invocations: ${name}`);
    const packaged = packagedFunction(stack, name);
    const env = { PATH: process.env.PATH, ...packaged.environment, ...benched.env };
    for (const run of await warm(packaged.bundleFile, name, env)) {
      const micros = summarise(run.batchMicros);
      rows.push({
        functionName: name,
        fixture: run.fixture,
        mode: run.mode,
        micros,
        outcome: run.outcome,
        overheadMicros: micros.median - bare.median,
      });
    }
  }
  return { bare, rows };
}
