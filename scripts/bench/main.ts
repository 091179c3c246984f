/*
 * `npm run bench`: bundle sizes, cold starts against a bare handler and per-path floors, warm invocation cost,
 * password verification per hash format, and sign-up → confirm → first sign-in on the local pool. Prints the
 * tables as Markdown and writes the raw results to bench/results.json (ignored by git). See docs/performance.md.
 *
 *   npm run bench                          everything (a few minutes)
 *   npm run bench -- --runs 30             fresh processes per cold-start row (default 20)
 *   npm run bench -- --only cold,warm      only these sections: cold, warm, passwords, e2e
 *   npm run bench -- --why preSignUp       what the function's bundle contains, by package and file
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './bench';
import { PROJECT_ROOT } from './production-build';
import { formatResults, problems } from './report';
import { SECTIONS, type Section } from './results';
import { explainBundle } from './why';

const DEFAULT_RUNS = 20;
const MIN_RUNS = 5;

/** The bench's options from the command line, or an error that says which option is wrong. */
export function parseBenchArgs(args: readonly string[]): { why?: string; coldRuns: number; sections: Section[] } {
  const { values } = parseArgs({
    args: [...args],
    options: { why: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' } },
  });
  const coldRuns = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(coldRuns) || coldRuns < MIN_RUNS) {
    throw new Error(`--runs must be a whole number of at least ${MIN_RUNS}, got "${values.runs ?? ''}".`);
  }
  const only = values.only?.split(',').map((name) => name.trim()) ?? [...SECTIONS];
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || only.length === 0) {
    throw new Error(`--only takes sections from ${SECTIONS.join(', ')}, got "${values.only ?? ''}".`);
  }
  return { why: values.why, coldRuns, sections: only as Section[] };
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.why !== undefined) {
    console.log(await explainBundle(options.why));
    return 0;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'cognito-flows-bench-'));
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  try {
    const results = await runBench({
      ...options,
      workDir,
      progress: (message) => process.stderr.write(`[${seconds().padStart(4)} s] ${message}\n`),
    });
    const report = formatResults(results);
    const outDir = join(PROJECT_ROOT, 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(outDir, 'results.md'), `${report}\n`);
    console.log(`${report}\n\nWritten to bench/results.json and bench/results.md (${seconds()} s).`);
    return problems(results).length === 0 ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
