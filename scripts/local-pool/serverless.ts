import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServiceDefinition } from './pool-definition';
import { type ChildHandle, startChild, waitUntilReady } from './processes';

/** The Serverless Framework CLI (osls) of this project. */
const SERVERLESS_BIN = require.resolve('serverless/bin/serverless.js');

/** Top-level entries of the project that the functions' service mirror leaves out: build output and state. */
const NOT_MIRRORED = new Set(['.git', '.esbuild', '.serverless', '.serverless-offline', '.local', 'coverage']);

/** Where the framework runs and with which stage and parameter overrides. */
export interface ServerlessTarget {
  projectDir: string;
  stage: string;
  /** Stage parameter overrides, passed as `--param="name=value"`. */
  params: Readonly<Record<string, string>>;
}

function frameworkArgs(target: ServerlessTarget): string[] {
  return ['--stage', target.stage, ...Object.entries(target.params).map(([name, value]) => `--param=${name}=${value}`)];
}

/** The environment the framework runs in: offline, never probing instance metadata. */
function frameworkEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

/**
 * Reads the service configuration with every variable resolved (`serverless print --format json`): the same
 * resources, parameters and functions a deploy of `target.stage` packages, without bundling anything.
 */
export async function printService(target: ServerlessTarget): Promise<ServiceDefinition> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(
      process.execPath,
      [SERVERLESS_BIN, 'print', '--format', 'json', ...frameworkArgs(target)],
      { cwd: target.projectDir, env: frameworkEnv(), maxBuffer: 32 * 1024 * 1024 },
    ));
  } catch (error) {
    // The framework writes the error itself to stdout and its environment summary to stderr.
    const { stdout: output = '' } = error as { stdout?: string };
    throw new Error(`serverless print --stage ${target.stage} failed:\n${output.trim() || String(error)}`);
  }
  return JSON.parse(stdout.slice(stdout.indexOf('{'))) as ServiceDefinition;
}

/**
 * Mirrors the project into `mirrorDir`: top-level folders are linked, top-level files copied (the framework only
 * accepts a regular file as its configuration). serverless-offline runs from there, so its esbuild output lands
 * in the mirror and never collides with a `serverless package` run in the project.
 */
function mirrorProject(projectDir: string, mirrorDir: string): void {
  mkdirSync(mirrorDir, { recursive: true });
  for (const entry of readdirSync(mirrorDir)) {
    if (!entry.startsWith('.esbuild')) rmSync(join(mirrorDir, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(projectDir, { withFileTypes: true })) {
    if (NOT_MIRRORED.has(entry.name)) continue;
    const [source, target] = [join(projectDir, entry.name), join(mirrorDir, entry.name)];
    if (entry.isDirectory()) symlinkSync(source, target);
    else copyFileSync(source, target);
  }
}

/** The trigger functions served behind the Lambda Invoke API. */
export interface LambdaOffline {
  endpoint: string;
  child: ChildHandle;
  /** Settles when the API answers; rejects if the process exits first or takes longer than the timeout. */
  ready: Promise<void>;
}

/**
 * Starts serverless-offline's Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) on
 * 127.0.0.1:`port`, serving the same esbuild bundles a deploy ships under their deployed names. `awsEnv`
 * reaches the handlers (serverless-offline passes on every `AWS_*` variable), e.g. the emulators' endpoints.
 */
export function startLambdaOffline(
  target: ServerlessTarget,
  {
    port,
    mirrorDir,
    logFile,
    awsEnv,
    timeoutMs,
  }: { port: number; mirrorDir: string; logFile: string; awsEnv: NodeJS.ProcessEnv; timeoutMs: number },
): LambdaOffline {
  mirrorProject(target.projectDir, mirrorDir);
  const endpoint = `http://127.0.0.1:${port}`;
  const child = startChild({
    name: 'serverless-offline',
    command: process.execPath,
    // --useInProcess: one process serves every invocation, like one warm container. With the default worker
    // threads, each concurrent invocation starts another cold copy of the bundle, and on two cores twenty
    // concurrent sign-ups pushed PostConfirmation past its 5-second timeout (npm run load).
    args: [
      SERVERLESS_BIN,
      'offline',
      'start',
      ...frameworkArgs(target),
      '--host',
      '127.0.0.1',
      '--lambdaPort',
      String(port),
      '--noSponsor',
      '--useInProcess',
    ],
    cwd: mirrorDir,
    env: frameworkEnv(awsEnv),
    logFile,
  });
  // Any HTTP answer means the server is listening; the bundles are built before it listens.
  const ready = waitUntilReady(
    child,
    async (signal) => (await fetch(`${endpoint}/2015-03-31/functions`, { signal })).status > 0,
    {
      timeoutMs,
      what: `listening on ${endpoint}`,
    },
  );
  return { endpoint, child, ready };
}
