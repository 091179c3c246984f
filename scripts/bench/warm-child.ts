/*
 * Warm invocations of one function, in a fresh Node process: loads the production bundle, builds its handler
 * through the exported create…Handler with in-memory dependencies (see warm-scenarios.ts), so only the
 * project's code runs, and times batches of invocations on each fixture; then the same for the plumbing alone
 * (the trigger's handler with no steps).
 *
 * argv: <bundle path> <function name> <fixtures folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lambdaContext } from '@test/helpers/lambda-context';
import { reportToParent } from './child-result';
import { WARM_BATCH_MS, WARM_BATCH_SIZE, WARM_BATCHES, WARM_UP, type WarmMode, type WarmRun } from './warm-run';
import { type WarmHandler, warmScenario } from './warm-scenarios';

type Input = [unknown, ReturnType<typeof lambdaContext>];

/** Fresh copies of the event and a fresh context per invocation, made before the clock starts. */
function inputs(event: unknown, count: number): Input[] {
  return Array.from({ length: count }, () => [structuredClone(event), lambdaContext()]);
}

/** Invokes `handler` on each input in turn; returns `returned`, or how the last failing invocation threw. */
async function invokeAll(handler: WarmHandler, batch: readonly Input[]): Promise<string> {
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

/** Warms the handler up and returns the mean milliseconds per invocation it saw. */
async function warmUp(handler: WarmHandler, event: unknown): Promise<number> {
  const start = performance.now();
  let invocations = 0;
  while (invocations < WARM_UP.invocations && performance.now() - start < WARM_UP.ms) {
    await invokeAll(handler, inputs(event, 10));
    invocations += 10;
  }
  return (performance.now() - start) / invocations;
}

async function measureFixture(
  handler: WarmHandler,
  mode: WarmMode,
  fixture: string,
  fixturesDir: string,
): Promise<WarmRun> {
  const event: unknown = JSON.parse(readFileSync(join(fixturesDir, `${fixture}.json`), 'utf8'));
  const meanMs = await warmUp(handler, event);
  const batchSize = Math.min(WARM_BATCH_SIZE.max, Math.max(WARM_BATCH_SIZE.min, Math.round(WARM_BATCH_MS / meanMs)));
  const batchMicros: number[] = [];
  let outcome = 'returned';
  for (let batch = 0; batch < WARM_BATCHES; batch += 1) {
    const prepared = inputs(event, batchSize);
    const start = performance.now();
    const batchOutcome = await invokeAll(handler, prepared);
    batchMicros.push(((performance.now() - start) * 1_000) / batchSize);
    if (batchOutcome !== 'returned') outcome = batchOutcome;
  }
  return { fixture, mode, batchMicros, batchSize, outcome };
}

async function measureWarm(): Promise<WarmRun[]> {
  const [bundle, name, fixturesDir] = process.argv.slice(2);
  if (bundle === undefined || name === undefined || fixturesDir === undefined) {
    throw new Error('usage: warm-child <bundle> <function> <fixtures folder>');
  }
  const scenario = warmScenario(name);
  const handlers: [WarmMode, WarmHandler | undefined][] = [
    ['flow', scenario.handler(require(bundle) as unknown)],
    ['plumbing', scenario.plumbing?.()],
  ];
  const runs: WarmRun[] = [];
  for (const [mode, handler] of handlers) {
    if (handler === undefined) continue;
    for (const fixture of scenario.fixtures) runs.push(await measureFixture(handler, mode, fixture, fixturesDir));
  }
  return runs;
}

reportToParent(measureWarm);
