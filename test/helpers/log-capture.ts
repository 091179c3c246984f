import fs from 'node:fs';
import type { LogSink } from '@shared/logger';

/** Log lines collected from a handler or logger under test, parsed. */
export interface LogCapture {
  sink: LogSink;
  lines: string[];
  /** Every line parsed as the JSON object it must be. */
  entries(): Record<string, unknown>[];
}

/** A log sink that keeps the lines it is given. */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return {
    sink: (line) => lines.push(line),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * Collects the JSON lines a handler's logger writes to stdout (a deployed handler takes no log sink) until
 * `restore()`; tests restore it in `afterEach`. The logger writes to file descriptor 1 directly, and through
 * `process.stdout` only when that descriptor would block (shared/standard-output.ts): both are captured.
 */
export function captureStdoutLogs(): LogCapture & { restore(): void } {
  const logs = captureLogs();
  const collect = (chunk: string | NodeJS.ArrayBufferView) => {
    for (const line of (typeof chunk === 'string'
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    )
      .toString()
      .split('\n')) {
      if (line !== '') logs.sink(line);
    }
  };
  const writeSync = fs.writeSync;
  const direct = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, chunk: string, ...rest: never[]) => {
    if (fd !== 1) return writeSync(fd, chunk, ...rest);
    collect(chunk);
    return Buffer.byteLength(chunk);
  }) as typeof fs.writeSync);
  const stream = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    collect(chunk);
    return true;
  });
  return {
    ...logs,
    restore: () => {
      direct.mockRestore();
      stream.mockRestore();
    },
  };
}

/**
 * Registers hooks that collect the stdout log lines of each test of the file or `describe` block it is called in
 * ({@link captureStdoutLogs} before each test, restored after it), and returns the capture of the running test.
 */
export function captureStdoutLogsOfEachTest(): LogCapture {
  let capture: ReturnType<typeof captureStdoutLogs> | undefined;
  beforeEach(() => {
    capture = captureStdoutLogs();
  });
  afterEach(() => capture?.restore());
  const current = (): LogCapture => {
    if (capture === undefined) throw new Error('Log lines are captured in tests and their hooks only.');
    return capture;
  };
  return {
    sink: (line) => current().sink(line),
    get lines() {
      return current().lines;
    },
    entries: () => current().entries(),
  };
}
