/*
 * `npm run bench`: cold start, warm invocation, bundle size and password verification of the trigger
 * functions, printed as tables and written to bench/results.json. See BENCHMARKS.md.
 *
 *   npm run bench                       everything (a few minutes)
 *   npm run bench -- --runs 15          fresh processes per cold-start row (default 20, at least 15)
 *   npm run bench -- --why preSignUp    what the function's bundle contains, from esbuild's metafile
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './bench';
import { PROJECT_ROOT } from './production-build';
import { formatResults } from './report';
import { explainBundle } from './why';

const DEFAULT_RUNS = 20;
const MIN_RUNS = 15;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { why: { type: 'string' }, runs: { type: 'string' } } });
  if (values.why !== undefined) {
    console.log(await explainBundle(values.why));
    return;
  }
  const coldRuns = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(coldRuns) || coldRuns < MIN_RUNS) {
    throw new Error(`--runs must be a whole number of at least ${MIN_RUNS}, got "${values.runs ?? ''}".`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'cognito-flows-bench-'));
  const started = Date.now();
  try {
    const results = await runBench({
      coldRuns,
      workDir,
      progress: (message) =>
        process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`),
    });
    console.log(formatResults(results));
    const outDir = join(PROJECT_ROOT, 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWritten to bench/results.json (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
