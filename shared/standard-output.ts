import { writeSync } from 'node:fs';

const STDOUT = 1;

/** Set once a write to file descriptor 1 would have blocked: from then on every line goes through `process.stdout`. */
let throughStream = false;

function hasCode(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

/**
 * Writes `text` to standard output, where Lambda collects a function's logs. It writes to file descriptor 1
 * directly, without `process.stdout`: Node builds that stream on first use, which costs a cold start 0.7–3 ms
 * (BENCHMARKS.md). A pipe its parent left non-blocking may take part of a line or refuse it (`EAGAIN`); the rest then
 * goes through `process.stdout`, which waits for the pipe, and so does every later line, so lines keep their order.
 * Writing a log line never fails an invocation: any other error drops the line.
 */
export function writeStandardOutput(text: string): void {
  if (throughStream) {
    process.stdout.write(text);
    return;
  }
  let written = 0;
  try {
    written = writeSync(STDOUT, text);
    if (written === Buffer.byteLength(text)) return;
  } catch (error) {
    if (!hasCode(error, 'EAGAIN')) return;
  }
  throughStream = true;
  process.stdout.write(Buffer.from(text).subarray(written));
}
