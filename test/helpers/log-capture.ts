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
