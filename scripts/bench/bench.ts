import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { FUNCTIONS } from '@functions/registry';
import { UNOBSERVED } from './build-variants';
import { chunkCount, outputBytes, outputsLoadedAtStart } from './bundle-outputs';
import { buildChildScript } from './child-process';
import { measureCold } from './cold';
import { BARE, coldPathResults, coldRows } from './cold-rows';
import { startBenchEmulators } from './emulators';
import { measureEndToEnd } from './end-to-end';
import { functionUnderBench } from './functions';
import { MIGRATION_SIGN_IN_PATH } from './functions/user-migration';
import { packageFunctions } from './packaged-stack';
import { measurePasswords } from './passwords';
import { buildProductionBundle, deployedFunction, deployedFunctions } from './production-build';
import type { BenchResults, BundleRow, Machine, Section } from './results';
import { measureWarm } from './warm';

/** How the bench runs. */
export interface BenchOptions {
  /** Fresh processes per cold-start row. */
  readonly coldRuns: number;
  /** The sections to measure (the bundles always are). */
  readonly sections: readonly Section[];
  /** A folder for bundles, events and child scripts; the caller removes it. */
  readonly workDir: string;
  readonly progress: (message: string) => void;
}

function machine(loadAtStart: number): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    date: new Date().toISOString(),
  };
}

/**
 * Packages the functions, then measures the chosen sections: cold starts of every path next to the bare handler
 * and its floor, warm invocations, password verification, and the local pool end to end.
 */
export async function runBench({ coldRuns, sections, workDir, progress }: BenchOptions): Promise<BenchResults> {
  const loadAtStart = loadavg()[0] ?? 0;
  // Every deployed function is packaged and sized; the triggers' paths are measured (no one waits for the
  // scheduled ones).
  const deployed = deployedFunctions();
  const functions = FUNCTIONS.map(({ name }) => functionUnderBench(name));
  progress('packaging the functions (serverless package --stage bench)');
  const stack = await packageFunctions(deployed, workDir);
  progress('building the functions for their metafiles');
  const bundles: BundleRow[] = [];
  for (const packaged of stack.functions) {
    // The same build as the package's (test/package/bundle-size.test.ts), with esbuild's account of its outputs.
    const built = await buildProductionBundle(deployedFunction(packaged.name).entry);
    bundles.push({
      functionName: packaged.name,
      startBytes: outputBytes(built, outputsLoadedAtStart(built)),
      bytes: outputBytes(built),
      chunks: chunkCount(built),
      zipBytes: packaged.zipBytes,
      memorySize: packaged.memorySize,
    });
  }
  const answers = Object.assign({}, ...functions.map(({ benched }) => benched.cognitoAnswers));
  const emulators = await startBenchEmulators(answers, stack.tables);
  try {
    progress('building the bare handler, the floors and the measuring scripts');
    const rows = await coldRows(functions, stack, emulators, workDir);
    const script = (name: string) => buildChildScript(`scripts/bench/${name}.ts`, workDir);
    const cold = sections.includes('cold')
      ? coldPathResults(
          rows,
          await measureCold(rows, coldRuns, { childScript: await script('cold-child'), workDir, emulators }, progress),
        )
      : undefined;
    const bareFile = rows.find((row) => row.key === BARE)?.bundleFile ?? '';
    const warm = sections.includes('warm')
      ? await measureWarm(
          functions,
          stack,
          bareFile,
          {
            shipped: await script('warm-child'),
            unobserved: await buildChildScript('scripts/bench/warm-child.ts', workDir, UNOBSERVED),
          },
          progress,
        )
      : undefined;
    const migrationSignIn = cold?.paths.find((path) => path.id === MIGRATION_SIGN_IN_PATH)?.measured;
    const passwords = sections.includes('passwords')
      ? await measurePasswords(await script('password-child'), migrationSignIn, progress)
      : undefined;
    const endToEnd = sections.includes('e2e') ? await measureEndToEnd(progress) : undefined;
    return {
      machine: machine(loadAtStart),
      settings: { coldRuns, sections },
      bundles,
      cold,
      warm,
      passwords,
      endToEnd,
    };
  } finally {
    await emulators.stop();
  }
}
