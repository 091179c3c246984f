/*
 * One cold start, in a fresh Node process: load a bundle, invoke its handler once on an event, and report the two
 * durations. The bench builds this file into a standalone ES module, so before the bundle nothing is loaded but
 * Node's own modules and what Lambda's Node.js runtime has loaded when it imports a handler; the bundle is loaded
 * as that runtime loads it (./lambda-runtime.ts). Its clock is `process.hrtime`, not `performance`, which the runtime
 * has not loaded: a function that uses `performance` pays for loading it, as it would on Lambda.
 *
 * argv: <bundle path> <event JSON file>
 */
import { readFileSync } from 'node:fs';
import { monotonicMs } from '@shared/monotonic-clock';
import { lambdaContext } from '@test/helpers/lambda-context';
import { reportToParent } from './child-result';
import { enterRuntimeState, loadHandlerFile } from './lambda-runtime';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/** What one cold-start process reports. */
export interface ColdRun {
  /** Milliseconds to load the bundle: module evaluation, configuration, handler construction. */
  readonly initMs: number;
  /** Milliseconds of the first invocation, including any SDK loading and I/O on its path. */
  readonly invokeMs: number;
  /** What the handler did with the event. */
  readonly outcome: { readonly returned: unknown } | { readonly threw: string };
}

async function coldStart(): Promise<ColdRun> {
  const [bundle, eventFile] = process.argv.slice(2);
  if (bundle === undefined || eventFile === undefined) throw new Error('usage: cold-child <bundle> <event.json>');
  enterRuntimeState();
  const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
  const context = lambdaContext();

  const loadStart = monotonicMs();
  const { handler } = (await loadHandlerFile(bundle)) as { handler: Handler };
  const loaded = monotonicMs();
  let outcome: ColdRun['outcome'];
  try {
    outcome = { returned: await handler(event, context) };
  } catch (error) {
    outcome = { threw: error instanceof Error ? error.message : String(error) };
  }
  return { initMs: loaded - loadStart, invokeMs: monotonicMs() - loaded, outcome };
}

reportToParent(coldStart);
