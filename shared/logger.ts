import { redact } from './redact';
import { writeStandardOutput } from './standard-output';

/** Log levels in increasing order of severity. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields attached to every line a logger writes, e.g. the trigger source, request id and whether the invocation
 * is a cold start.
 */
export type LogContext = Record<string, string | boolean | undefined>;

/** The longest text a context field keeps. */
const MAX_FIELD = 128;

/** `value` when it is a string, cut to the length a context field keeps; `undefined` for anything else. */
export function logText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : undefined;
}

/** Where log lines go; a test may collect them instead of writing to stdout. */
export type LogSink = (line: string) => void;

/** The line metric members are part of when the logger writes lines of its level (see {@link Logger.emit}). */
export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

/** A structured JSON logger whose every line passes through {@link redact}. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /**
   * Writes `members`, the members of a CloudWatch Embedded Metric Format document as JSON text, with the logger's
   * context, whatever the level, since metrics must not depend on it: as the end of `line` when the logger writes
   * lines of its level, with the context alone otherwise. The members are written as given (names and numbers, no
   * user data); `line`'s fields are redacted like every other line's.
   */
  emit(members: string, line: LogLine): void;
  /** A logger that adds `context` (e.g. trigger source, pool, client, request id) to every line. */
  child(context: LogContext): Logger;
}

const writeToStdout: LogSink = (line) => writeStandardOutput(`${line}\n`);

/**
 * Creates a logger writing one JSON object per line, with `level`, `timestamp` (RFC 3339, the key Lambda's
 * log-level filtering reads) and `message`. Lines below `level` are dropped. The context and fields are redacted:
 * secrets by key, email addresses masked.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
 */
export function createLogger(options: { level?: LogLevel; sink?: LogSink } = {}): Logger {
  return loggerWith(LOG_LEVELS.indexOf(options.level ?? 'info'), options.sink ?? writeToStdout, {});
}

function loggerWith(threshold: number, sink: LogSink, context: Record<string, unknown>): Logger {
  const enabled = (level: LogLevel): boolean => LOG_LEVELS.indexOf(level) >= threshold;
  const entry = (level: LogLevel, message: string, fields?: Record<string, unknown>) => ({
    level,
    timestamp: new Date().toISOString(),
    message,
    ...context,
    ...(fields && (redact(fields) as object)),
  });
  /** `json`, a serialised object, with `members` added at its end. */
  const closedWith = (json: string, members: string) => `${json.slice(0, -1)}${json === '{}' ? '' : ','}${members}}`;
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (enabled(level)) sink(JSON.stringify(entry(level, message, fields)));
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    emit: (members, { level, message, fields }) => {
      sink(closedWith(JSON.stringify(enabled(level) ? entry(level, message, fields) : context), members));
    },
    child: (extra) => loggerWith(threshold, sink, { ...context, ...(redact(extra) as object) }),
  };
}
