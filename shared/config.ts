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
      const value = raw(name);
      if (value === undefined) return fallback;
      const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (match === undefined) {
        throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}".`);
      }
      return match;
    },
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

/**
 * Reads the settings every function shares: `LOG_LEVEL` (debug, info, warn or error; info when unset) and
 * `LOG_EVENTS` (true to log each incoming event, redacted, for recording fixtures; off when unset).
 */
export function readCommonConfig(env: EnvReader): CommonConfig {
  return { logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'), logEvents: env.boolean('LOG_EVENTS', false) };
}
