import { appendFileSync } from 'node:fs';
import type { LogService } from 'cognito-local/lib/services/LogService';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Log levels in increasing order of importance. */
const LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error'];

/**
 * A logger of the shape cognito-local's services expect (pino's `child`, `debug`, `info`, `warn`, `error`),
 * writing one JSON line per entry at `minimum` level and above to `logFile`. cognito-local logs whole user
 * records at debug level, passwords included, so the layer runs at `info` unless told otherwise.
 */
export function fileLogger(
  logFile: string,
  minimum: Level = 'info',
  bindings: Record<string, unknown> = {},
): LogService {
  const write =
    (level: Level) =>
    (first: unknown, ...rest: unknown[]): void => {
      if (LEVELS.indexOf(level) < LEVELS.indexOf(minimum)) return;
      const fields = typeof first === 'object' && first !== null ? first : { msg: first };
      const message = typeof first === 'object' ? rest[0] : undefined;
      const entry = {
        time: new Date().toISOString(),
        level,
        ...bindings,
        ...fields,
        ...(message ? { msg: message } : {}),
      };
      appendFileSync(
        logFile,
        `${JSON.stringify(entry, (_key, value) => (value instanceof Error ? value.message : value))}\n`,
      );
    };
  const logger = {
    child: (more: Record<string, unknown>) => fileLogger(logFile, minimum, { ...bindings, ...more }),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
  return logger as unknown as LogService;
}
