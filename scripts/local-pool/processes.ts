import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';

/** A child process of the local pool, started in its own process group. */
export interface ChildHandle {
  readonly name: string;
  readonly pid: number;
  /** Settles with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** The last lines the process wrote, for error messages. */
  recentOutput(): string;
  /** Stops the whole process group: SIGTERM, then SIGKILL if it is still running after a grace period. */
  stop(): Promise<void>;
}

/** How to start a child process. */
export interface ChildOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Every line of output is appended here. */
  logFile: string;
  /** Called with each line of output, without terminal colours. */
  onLine?: (line: string) => void;
}

const RECENT_LINES = 40;
const STOP_GRACE_MS = 3_000;

/** Process groups still running; killed when this process exits, however it exits. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already exited.
  }
}

/**
 * Starts `command` in a new process group (so a terminal's Ctrl-C reaches only this process, which stops the
 * children in order), appending its output to `logFile`.
 */
export function startChild(options: ChildOptions): ChildHandle {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error(`Could not start ${options.name} (${options.command}).`);
  running.add(pid);
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const recent: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(pid);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      running.delete(pid);
      recent.push(String(error));
      resolve('error');
    });
  });

  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const raw of lines) {
        const line = stripVTControlCharacters(raw);
        recent.push(line);
        if (recent.length > RECENT_LINES) recent.shift();
        options.onLine?.(line);
      }
    });
  }

  return {
    name: options.name,
    pid,
    exited,
    recentOutput: () => recent.join('\n'),
    stop: async () => {
      if (running.has(pid)) {
        signalGroup(pid, 'SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS, false, { ref: false })]);
        if (!stopped) signalGroup(pid, 'SIGKILL');
        await exited;
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

/** How long one readiness check may take; a port held by something that never answers must not stall the start. */
const CHECK_TIMEOUT_MS = 1_000;

/**
 * Polls `check` until it resolves true. Fails after `timeoutMs`, or as soon as `child` exits, with the child's
 * recent output so the cause is visible. Each check gets a signal that aborts it after a second.
 */
export async function waitUntilReady(
  child: ChildHandle,
  check: (signal: AbortSignal) => Promise<boolean>,
  { timeoutMs, what }: { timeoutMs: number; what: string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${child.name} exited (${exitCode}) before ${what}:\n${child.recentOutput()}`);
    }
    if (await check(AbortSignal.timeout(CHECK_TIMEOUT_MS)).catch(() => false)) return;
    await delay(50);
  }
  throw new Error(`${child.name} was not ${what} within ${timeoutMs / 1000} s:\n${child.recentOutput()}`);
}

/** Asks the system for a free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('No port')),
      );
    });
  });
}
