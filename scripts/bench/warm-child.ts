/*
 * Warm invocations of one function, in a fresh Node process: loads the packaged bundle, makes its handler over
 * in-memory dependencies (the function's bench entry, scripts/bench/functions/), so only the project's code runs,
 * and times batches of invocations on each fixture of its trigger; then the same for the plumbing alone (the
 * trigger's handler with no steps). For `bare`, the bundle's handler on one fixture.
 *
 * argv: <bundle path> <function name | bare> <fixtures folder> [plumbing, to time the plumbing alone]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFlowHandler } from '@shared/handler';
import { isFixtureSource, type TriggerSource } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { reportToParent } from './child-result';
import type { BenchHandler } from './functions/benched-function';
import { functionUnderBench } from './functions/index';
import { enterRuntimeState, loadHandlerFile } from './lambda-runtime';

/**
 * What is timed: `flow` is the function's whole handler (plumbing and steps, in-memory dependencies); `plumbing`
 * is its trigger's handler with an empty step list: middy, log context, guard, error masking, the log line;
 * `bare` is the baseline handler that returns the event.
 */
export type WarmMode = 'flow' | 'plumbing' | 'bare';

/** What a warm child measures for one fixture. */
export interface WarmRun {
  readonly fixture: TriggerSource;
  readonly mode: WarmMode;
  /** Microseconds per invocation, one figure per timed batch. */
  readonly batchMicros: readonly number[];
  /** Whether the invocations returned (`returned`) or threw, with the last error's message. */
  readonly outcome: string;
}

/** Warm-up before timing, so the JIT has compiled the hot paths: this many invocations, or this long. */
const WARM_UP = { invocations: 2_000, ms: 1_000 } as const;
/** Timed batches per fixture; the median of their per-invocation times is reported. */
const BATCHES = 25;
/** Each batch is sized (from the warm-up's mean) to take about this long, so timer resolution does not matter. */
const BATCH_MS = 20;
const BATCH_SIZE = { min: 1, max: 2_000 } as const;

type Input = [unknown, ReturnType<typeof lambdaContext>];

/** Fresh copies of the event and a fresh context per invocation, made before the clock starts. */
const inputs = (event: unknown, count: number): Input[] =>
  Array.from({ length: count }, () => [structuredClone(event), lambdaContext()]);

/** Invokes `handler` on each input in turn; returns `returned`, or how the last failing invocation threw. */
async function invokeAll(handler: BenchHandler, batch: readonly Input[]): Promise<string> {
  let outcome = 'returned';
  for (const [event, context] of batch) {
    try {
      await handler(event, context);
    } catch (error) {
      outcome = `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return outcome;
}

/** Warms `handler` up on the fixture's event, then times {@link BATCHES} batches of it. */
async function measureFixture(
  handler: BenchHandler,
  mode: WarmMode,
  fixture: TriggerSource,
  fixturesDir: string,
): Promise<WarmRun> {
  // Read here rather than with loadFixture, whose folder is relative to its source file, not this built script.
  const event: unknown = JSON.parse(readFileSync(join(fixturesDir, `${fixture}.json`), 'utf8'));
  const warmUpStart = performance.now();
  let invocations = 0;
  while (invocations < WARM_UP.invocations && performance.now() - warmUpStart < WARM_UP.ms) {
    await invokeAll(handler, inputs(event, 10));
    invocations += 10;
  }
  const meanMs = (performance.now() - warmUpStart) / invocations;
  const batchSize = Math.min(BATCH_SIZE.max, Math.max(BATCH_SIZE.min, Math.round(BATCH_MS / meanMs)));
  const batchMicros: number[] = [];
  let outcome = 'returned';
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const prepared = inputs(event, batchSize);
    const start = performance.now();
    const batchOutcome = await invokeAll(handler, prepared);
    batchMicros.push(((performance.now() - start) * 1_000) / batchSize);
    if (batchOutcome !== 'returned') outcome = batchOutcome;
  }
  return { fixture, mode, batchMicros, outcome };
}

async function measureWarm(): Promise<WarmRun[]> {
  const [bundleFile, name, fixturesDir, only] = process.argv.slice(2);
  if (bundleFile === undefined || name === undefined || fixturesDir === undefined) {
    throw new Error('usage: warm-child <bundle> <function | bare> <fixtures folder> [plumbing]');
  }
  enterRuntimeState();
  const bundle = (await loadHandlerFile(bundleFile)) as { handler: BenchHandler };
  if (name === 'bare') return [await measureFixture(bundle.handler, 'bare', 'PreSignUp_SignUp', fixturesDir)];
  const { trigger, benched } = functionUnderBench(name);
  const config = benched.loadConfig(process.env);
  const plumbing: [WarmMode, BenchHandler] = ['plumbing', createFlowHandler(trigger, [], config, {}) as BenchHandler];
  const handlers: [WarmMode, BenchHandler][] =
    only === 'plumbing' ? [plumbing] : [['flow', benched.warmHandler(bundle, config)], plumbing];
  const runs: WarmRun[] = [];
  for (const [mode, handler] of handlers) {
    for (const fixture of trigger.sources.filter(isFixtureSource)) {
      runs.push(await measureFixture(handler, mode, fixture, fixturesDir));
    }
  }
  return runs;
}

reportToParent(measureWarm);
