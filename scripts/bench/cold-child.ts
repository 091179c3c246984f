/*
 * One cold start, in a fresh Node process: load a bundle, invoke its handler once on an event, and report the two
 * durations. The bench builds this file into a standalone script, so nothing but Node's own modules is loaded
 * before the bundle. A CommonJS bundle is loaded with require, an ES module bundle (`.mjs`) with import(), as the
 * Lambda Node.js runtime does.
 *
 * argv: <bundle path> <event JSON file>
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { lambdaContext } from '@test/helpers/lambda-context';
import { reportToParent } from './child-result';

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
  const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
  const context = lambdaContext();

  const loadStart = performance.now();
  const { handler } = (bundle.endsWith('.mjs') ? await import(pathToFileURL(bundle).href) : require(bundle)) as {
    handler: Handler;
  };
  const loaded = performance.now();
  let outcome: ColdRun['outcome'];
  try {
    outcome = { returned: await handler(event, context) };
  } catch (error) {
    outcome = { threw: error instanceof Error ? error.message : String(error) };
  }
  return { initMs: loaded - loadStart, invokeMs: performance.now() - loaded, outcome };
}

reportToParent(coldStart);
