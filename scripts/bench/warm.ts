import { FIXTURES_DIR } from '@test/helpers/fixtures';
import { runChild } from './child-process';
import type { FunctionUnderBench } from './functions';
import { type PackagedStack, packagedFunction } from './packaged-stack';
import { type Summary, summarise } from './stats';
import type { WarmMode, WarmRun } from './warm-child';

/**
 * What a warm row times: a function's whole flow, its plumbing alone, or that plumbing built without the metrics
 * and the richer log lines (`unobserved plumbing`, build-variants.ts), whose difference is what they cost.
 */
export type WarmRowMode = Exclude<WarmMode, 'bare'> | 'unobserved plumbing';

/** Warm invocations of one function on one fixture, in one of the {@link WarmRowMode}s. */
export interface WarmRow {
  readonly functionName: string;
  readonly fixture: string;
  readonly mode: WarmRowMode;
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

/** The measuring scripts: the warm child, and the same built without the metrics and the richer log lines. */
export interface WarmChildren {
  readonly shipped: string;
  readonly unobserved: string;
}

const WARM_TIMEOUT_MS = 180_000;

/**
 * Runs the warm child on the bare handler, then on each function's packaged bundle with its packaged environment,
 * each function's right after followed by the unobserved child on its plumbing.
 */
export async function measureWarm(
  functions: readonly FunctionUnderBench[],
  stack: PackagedStack,
  bareFile: string,
  children: WarmChildren,
  progress: (message: string) => void,
): Promise<WarmResults> {
  const warm = (script: string, bundleFile: string, name: string, env: NodeJS.ProcessEnv, only: string[] = []) =>
    runChild<WarmRun[]>(script, [bundleFile, name, FIXTURES_DIR, ...only], env, WARM_TIMEOUT_MS);
  progress('warm invocations: bare handler');
  const [bareRun] = await warm(children.shipped, bareFile, 'bare', { PATH: process.env.PATH });
  if (bareRun === undefined) throw new Error('The warm child measured nothing for the bare handler.');
  const bare = summarise(bareRun.batchMicros);
  const row = (name: string, run: WarmRun, mode: WarmRowMode): WarmRow => {
    const micros = summarise(run.batchMicros);
    return {
      functionName: name,
      fixture: run.fixture,
      mode,
      micros,
      outcome: run.outcome,
      overheadMicros: micros.median - bare.median,
    };
  };
  const rows: WarmRow[] = [];
  for (const { name, benched } of functions) {
    progress(`warm invocations: ${name}`);
    const packaged = packagedFunction(stack, name);
    const env = { PATH: process.env.PATH, ...packaged.environment, ...benched.env };
    for (const run of await warm(children.shipped, packaged.bundleFile, name, env)) {
      rows.push(row(name, run, run.mode === 'flow' ? 'flow' : 'plumbing'));
    }
    for (const run of await warm(children.unobserved, packaged.bundleFile, name, env, ['plumbing'])) {
      rows.push(row(name, run, 'unobserved plumbing'));
    }
  }
  return { bare, rows };
}
