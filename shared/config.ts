import { ConfigError } from './errors';
import { LOG_LEVELS, type LogLevel } from './logger';

/** The environment a function's configuration is read from; `process.env` in Lambda. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Typed readers over an environment. Every reader names the variable in its error, so a misconfigured
 * stage parameter fails the cold start with a message that says which setting to fix.
 */
export interface EnvReader {
  /** A non-empty string; throws when missing unless a fallback is given. */
  string(name: string, fallback?: string): string;
  /** `true`/`false` (also `1`/`0`, `yes`/`no`); throws on anything else. */
  boolean(name: string, fallback: boolean): boolean;
  /** A whole number within `[min, max]`. */
  integer(name: string, fallback: number, range: { min: number; max: number }): number;
  /** One of `allowed`. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  /** One of `allowed`, or `undefined` when unset. */
  optionalOneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined;
  /** A comma-separated list, trimmed, empty items dropped; empty when unset. */
  list(name: string): string[];
}

const TRUE_VALUES = ['true', '1', 'yes'];
const FALSE_VALUES = ['false', '0', 'no'];

/** Creates the readers over `env`. Blank values count as unset. */
export function envReader(env: Env): EnvReader {
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const optionalOneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = raw(name);
    if (value === undefined) return undefined;
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}".`);
    }
    return match;
  };

  return {
    string(name, fallback) {
      const value = raw(name) ?? fallback;
      if (value === undefined) {
        throw new ConfigError(`${name} is required but not set.`);
      }
      return value;
    },
    boolean(name, fallback) {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (TRUE_VALUES.includes(value)) return true;
      if (FALSE_VALUES.includes(value)) return false;
      throw new ConfigError(`${name} must be true or false, got "${value}".`);
    },
    integer(name, fallback, { min, max }) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
      }
      return parsed;
    },
    oneOf(name, allowed, fallback) {
      return optionalOneOf(name, allowed) ?? fallback;
    },
    optionalOneOf,
    list(name) {
      return (raw(name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    },
  };
}

/** Settings every function shares. */
export interface CommonConfig {
  logLevel: LogLevel;
  /** Whether each incoming event is logged, redacted, at info level (`LOG_EVENTS`), to record fixtures. */
  logEvents: boolean;
}

/** Variables the functions read that Lambda sets, not the stack: the application log level of advanced logging. */
export const LAMBDA_VARIABLES = ['AWS_LAMBDA_LOG_LEVEL'] as const;

/** The application log levels of Lambda's advanced logging controls, and the level of ours each means. */
const LAMBDA_LOG_LEVELS = {
  TRACE: 'debug',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
  FATAL: 'error',
} as const satisfies Record<string, LogLevel>;

/**
 * The least severe level the function logs: the application log level of Lambda's advanced logging controls when
 * the function has one (Lambda sets `AWS_LAMBDA_LOG_LEVEL`; `TRACE` logs as `debug`, `FATAL` as `error`), else
 * `LOG_LEVEL` (debug, info, warn or error; info when unset).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
 */
function readLogLevel(env: EnvReader): LogLevel {
  const lambdaLevels = Object.keys(LAMBDA_LOG_LEVELS) as (keyof typeof LAMBDA_LOG_LEVELS)[];
  const lambdaLevel = env.optionalOneOf('AWS_LAMBDA_LOG_LEVEL', lambdaLevels);
  return lambdaLevel === undefined ? env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info') : LAMBDA_LOG_LEVELS[lambdaLevel];
}

/**
 * Reads the settings every function shares: the log level (`AWS_LAMBDA_LOG_LEVEL`, else `LOG_LEVEL`) and
 * `LOG_EVENTS` (true to log each incoming event, redacted, for recording fixtures; off when unset).
 */
export function readCommonConfig(env: EnvReader): CommonConfig {
  return { logLevel: readLogLevel(env), logEvents: env.boolean('LOG_EVENTS', false) };
}
