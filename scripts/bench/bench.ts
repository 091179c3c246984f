import { cpus, loadavg, platform, release } from 'node:os';
import { FIXTURES_DIR } from '@test/helpers/fixtures';
import { prepareTables } from './bench-tables';
import { type BundleReport, bundleReport } from './bundles';
import { buildChildScript, runChild } from './child-process';
import { type ColdMeasurement, measureCold, NO_SOURCE_MAPS } from './cold';
import { COGNITO_ANSWERS, COLD_SCENARIOS } from './cold-scenarios';
import { coldVariants } from './cold-variants';
import { type BenchEmulators, startBenchEmulators } from './emulators';
import { measureEndToEnd } from './end-to-end';
import { packagedFunction, scenarioEnvironment } from './function-environment';
import { type PackagedFunction, packageFunctions } from './packaged-stack';
import type { PasswordRun } from './password-run';
import { buildProductionBundle, deployedFunctions } from './production-build';
import type { BenchResults, ColdRow, Machine, PasswordRow, WarmRow } from './results';
import { ratio, type Summary, summarise } from './stats';
import { evaluateTargets, LIMITS } from './targets';
import type { WarmRun } from './warm-run';

/** How the bench runs. */
export interface BenchOptions {
  /** Fresh processes per cold-start figure. */
  readonly coldRuns: number;
  /** A folder for bundles, events and child scripts; the caller removes it. */
  readonly workDir: string;
  readonly progress: (message: string) => void;
}

const WARM_TIMEOUT_MS = 120_000;
const PASSWORD_TIMEOUT_MS = 180_000;

function coldRows(measurements: readonly ColdMeasurement[], bare: ColdMeasurement): ColdRow[] {
  const byKey = new Map(measurements.map((measurement) => [measurement.key, measurement]));
  return COLD_SCENARIOS.map((scenario) => {
    const measured = byKey.get(scenario.id);
    if (measured === undefined) throw new Error(`No cold measurement of ${scenario.id}.`);
    const floor = byKey.get(`floor:${scenario.id}`) ?? bare;
    const floorWithCalls = byKey.get(`floor+calls:${scenario.id}`);
    return {
      id: scenario.id,
      functionName: scenario.functionName,
      path: scenario.path,
      fixture: scenario.fixture,
      sdkFree: scenario.sdkFree,
      measured,
      floor,
      floorWithCalls,
      whatIfs: measurements.filter(
        (measurement) => measurement.kind === 'what-if' && measurement.key.endsWith(`:${scenario.id}`),
      ),
      ratioToBare: ratio(measured.total.median, bare.total.median),
      ratioToFloor: ratio(measured.total.median, floor.total.median),
      ratioToFloorWithCalls: floorWithCalls && ratio(measured.total.median, floorWithCalls.total.median),
      sameOperationsAsFloor: floorWithCalls && floorWithCalls.operations.join() === measured.operations.join(),
    };
  });
}

async function measureWarm(
  packaged: readonly PackagedFunction[],
  bareFile: string,
  emulators: BenchEmulators,
  childScript: string,
  progress: BenchOptions['progress'],
): Promise<{ bare: Summary; rows: WarmRow[] }> {
  progress('warm invocations: bare handler');
  const bareEnv = { PATH: process.env.PATH };
  const [bareRun] = await runChild<WarmRun[]>(childScript, [bareFile, 'bare', FIXTURES_DIR], bareEnv, WARM_TIMEOUT_MS);
  if (bareRun === undefined) throw new Error('The warm child measured nothing for the bare handler.');
  const bare = summarise(bareRun.batchMicros);
  const rows: WarmRow[] = [];
  for (const scenario of COLD_SCENARIOS.filter(
    (candidate, index, all) => all.findIndex((other) => other.functionName === candidate.functionName) === index,
  )) {
    progress(`warm invocations: ${scenario.functionName}`);
    const { bundleFile } = packagedFunction(packaged, scenario.functionName);
    const env = scenarioEnvironment(scenario, packaged, emulators);
    for (const run of await runChild<WarmRun[]>(
      childScript,
      [bundleFile, scenario.functionName, FIXTURES_DIR],
      env,
      WARM_TIMEOUT_MS,
    )) {
      const micros = summarise(run.batchMicros);
      rows.push({
        functionName: scenario.functionName,
        fixture: run.fixture,
        mode: run.mode,
        micros,
        batchSize: run.batchSize,
        outcome: run.outcome,
        overheadMicros: micros.median - bare.median,
        ratioToBare: ratio(micros.median, bare.median),
      });
    }
  }
  return { bare, rows };
}

/**
 * Times each hash format, and how much of Cognito's 5 seconds is left after the p99 verification and the rest of
 * a cold userMigration sign-in (see {@link PasswordRow.budgetLeftMs}).
 */
async function measurePasswords(childScript: string, cold: readonly ColdRow[]): Promise<PasswordRow[]> {
  const runs = await runChild<PasswordRun[]>(childScript, [], { PATH: process.env.PATH }, PASSWORD_TIMEOUT_MS);
  const migration = cold.find((row) => row.functionName === 'userMigration');
  const bcrypt = runs.find((run) => run.format === 'bcrypt');
  if (migration === undefined || bcrypt === undefined)
    throw new Error('Neither a userMigration cold start nor a bcrypt timing to budget with.');
  const restOfSignInMs = migration.measured.total.p99 - summarise(bcrypt.samplesMs).median;
  return runs.map((run) => {
    const ms = summarise(run.samplesMs);
    return {
      format: run.format,
      parameters: run.parameters,
      firstMs: run.firstMs,
      ms,
      budgetLeftMs: LIMITS.triggerBudgetMs - ms.p99 - restOfSignInMs,
    };
  });
}

function machine(loadAtStart: number): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    date: new Date().toISOString(),
  };
}

/** Packages the functions, builds the baselines, starts the emulators and measures everything the issue asks. */
export async function runBench({ coldRuns, workDir, progress }: BenchOptions): Promise<BenchResults> {
  const loadAtStart = loadavg()[0] ?? 0;
  progress('packaging the functions (serverless package --stage bench)');
  const functions = deployedFunctions();
  const packaged = await packageFunctions(functions, workDir);
  const bundles: BundleReport[] = [];
  for (const deployed of functions) {
    bundles.push(bundleReport(packagedFunction(packaged, deployed.name), await buildProductionBundle(deployed.entry)));
  }
  progress('building the bare, floor and traced bundles');
  const emulators = await startBenchEmulators(COGNITO_ANSWERS);
  try {
    const variants = await coldVariants(packaged, emulators, workDir);
    await prepareTables(packaged, emulators, variants, coldRuns);
    const scripts = {
      cold: await buildChildScript('scripts/bench/cold-child.ts', workDir),
      warm: await buildChildScript('scripts/bench/warm-child.ts', workDir),
      password: await buildChildScript('scripts/bench/password-child.ts', workDir),
    };
    const measurements = await measureCold(
      variants,
      coldRuns,
      { childScript: scripts.cold, workDir, emulators },
      progress,
    );
    const bare = measurements.find((measurement) => measurement.key === 'bare');
    const bareWithoutSourceMaps = measurements.find((measurement) => measurement.key === `${NO_SOURCE_MAPS}bare`);
    const bareFile = variants.find((variant) => variant.key === 'bare')?.bundleFile;
    if (bare === undefined || bareWithoutSourceMaps === undefined || bareFile === undefined)
      throw new Error('The bare handler was not measured.');
    const cold = coldRows(measurements, bare);
    const warm = await measureWarm(packaged, bareFile, emulators, scripts.warm, progress);
    progress('password verification per hash format');
    const passwords = await measurePasswords(scripts.password, cold);
    progress('end-to-end on the local pool');
    const endToEnd = await measureEndToEnd(progress);
    const nodeOptions = String(variants[0]?.env.NODE_OPTIONS ?? '');
    const results = {
      machine: machine(loadAtStart),
      settings: { coldRuns, nodeOptions },
      bundles,
      bare,
      bareWithoutSourceMaps,
      cold,
      bareWarm: warm.bare,
      warm: warm.rows,
      passwords,
      endToEnd,
    };
    return { ...results, targets: evaluateTargets(results) };
  } finally {
    await emulators.stop();
  }
}
