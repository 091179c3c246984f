import { redact } from './redact';

/** Log levels in increasing order of severity. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fields attached to every line a logger writes, e.g. the trigger source and request id. */
export type LogContext = Record<string, string | undefined>;

/** Where log lines go; a test may collect them instead of writing to stdout. */
export type LogSink = (line: string) => void;

/** A structured JSON logger whose every line passes through {@link redact}. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `context` (e.g. trigger source, pool, client, request id) to every line. */
  child(context: LogContext): Logger;
}

const writeToStdout: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Creates a logger writing one JSON object per line. Lines below `level` are dropped.
 * The context and fields are redacted: secrets by key, email addresses masked.
 */
export function createLogger(options: { level?: LogLevel; sink?: LogSink } = {}): Logger {
  return loggerWith(LOG_LEVELS.indexOf(options.level ?? 'info'), options.sink ?? writeToStdout, {});
}

function loggerWith(threshold: number, sink: LogSink, context: Record<string, unknown>): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) {
      return;
    }
    const entry = {
      level,
      time: new Date().toISOString(),
      message,
      ...context,
      ...(fields && (redact(fields) as object)),
    };
    sink(JSON.stringify(entry));
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (extra) => loggerWith(threshold, sink, { ...context, ...(redact(extra) as object) }),
  };
}
