/**
 * `npm start`: runs the user pool locally with its real triggers until Ctrl-C. See USAGE in options.ts.
 */
import './quiet-sdk';
import { join, resolve } from 'node:path';
import { type LocalPool, startLocalPool } from './local-pool';
import { parseStartOptions, StartOptionsError, USAGE } from './options';
import { acquireLock, PoolAlreadyRunningError, removePoolInfo, resetState, writePoolInfo } from './state';
import { codeDeliveryLine, invocationLine, tryItText } from './try-it';

/** The project folder (this file is scripts/local-pool/start.ts). */
const PROJECT_DIR = resolve(__dirname, '..', '..');
/** The state folder, ignored by git. */
const STATE_DIR = join(PROJECT_DIR, '.local');
/** The stage whose definition the local pool runs. */
const STAGE = 'local';

async function main(): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const releaseLock = acquireLock(STATE_DIR);
  if (options.reset) resetState(STATE_DIR);

  let pool: LocalPool | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      process.stdout.write('\nStopping the local pool…\n');
      removePoolInfo(STATE_DIR);
      await pool?.stop();
      releaseLock();
      process.exit(0);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping exits at once; the children are killed on exit.
      if (stopping !== undefined) process.exit(130);
      void shutdown();
    });
  }

  process.stdout.write(`Starting the local pool (stage ${STAGE}, state in ${STATE_DIR})…\n`);
  const startedAt = performance.now();
  try {
    pool = await startLocalPool({
      projectDir: PROJECT_DIR,
      stage: STAGE,
      params: options.params,
      stateDir: STATE_DIR,
      ports: options.ports,
      fixedCode: options.fixedCode,
      fixturesDir: options.recordDir === undefined ? undefined : resolve(options.recordDir),
      onCodeDelivery: (delivery) => process.stdout.write(`${codeDeliveryLine(delivery)}\n`),
      onInvocation: (record) => process.stdout.write(`${invocationLine(record)}\n`),
      onScheduleError: (target, error) =>
        process.stdout.write(
          `${target.key} (${target.expression}) failed: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  writePoolInfo(STATE_DIR, pool);
  process.stdout.write(`\n${tryItText(pool, { projectDir: PROJECT_DIR, startupMs: performance.now() - startedAt })}`);
  if (pool.definition.unsupportedTriggers.length > 0) {
    process.stdout.write(
      `Not run locally (cognito-local never invokes them): ${pool.definition.unsupportedTriggers.join(', ')}\n`,
    );
  }
  if (options.recordDir !== undefined) {
    process.stdout.write(`Recording the latest event of each trigger source into ${resolve(options.recordDir)}/\n`);
  }
}

main().catch((error: unknown) => {
  // Problems the user can act on are stated plainly; anything else comes with its stack.
  const plain = error instanceof StartOptionsError || error instanceof PoolAlreadyRunningError;
  process.stderr.write(
    `${plain ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
