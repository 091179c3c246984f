import { parseArgs } from 'node:util';
import type { LocalPoolPorts } from './local-pool';

/** The settings of `npm start`, from its flags and environment. */
export interface StartOptions {
  ports: LocalPoolPorts;
  /** Wipe the saved state (users, tables, logs) before starting. */
  reset: boolean;
  /** Save the latest event of each trigger source there as a fixture file. */
  recordDir?: string;
  /** Digits every confirmation code takes; random codes when unset. */
  fixedCode?: string;
  /** Stage parameter overrides (`--param name=value`). */
  params: Record<string, string>;
  help: boolean;
}

/**
 * Default ports: cognito-local's, serverless-offline's Lambda port, DynamoDB Local's, one next to it for SES, and the
 * `appUrl` of the stage for the sign-in page.
 */
export const DEFAULT_PORTS: LocalPoolPorts = { cognito: 9229, lambda: 3002, dynamodb: 8000, ses: 8005, page: 3000 };

/** Flag and environment variable of each port. */
const PORT_SETTINGS: Record<keyof LocalPoolPorts, { flag: string; env: string }> = {
  cognito: { flag: 'cognito-port', env: 'LOCAL_POOL_COGNITO_PORT' },
  lambda: { flag: 'lambda-port', env: 'LOCAL_POOL_LAMBDA_PORT' },
  dynamodb: { flag: 'dynamodb-port', env: 'LOCAL_POOL_DYNAMODB_PORT' },
  ses: { flag: 'ses-port', env: 'LOCAL_POOL_SES_PORT' },
  page: { flag: 'page-port', env: 'LOCAL_POOL_PAGE_PORT' },
};

/** Usage text of `npm start`. */
export const USAGE = `Usage: npm start -- [options]

Runs the user pool locally: Cognito API, trigger functions, DynamoDB and SES on 127.0.0.1.

Options:
  --reset                 wipe the local state (.local/) first: users, tables, logs
  --record <dir>          save the latest event of each trigger source as <dir>/<triggerSource>.json
  --code <digits>         give every confirmation code these digits (env LOCAL_POOL_CODE)
  --param <name=value>    override a stage parameter of serverless.yml (repeatable)
  --cognito-port <port>   Cognito API (env LOCAL_POOL_COGNITO_PORT, default ${DEFAULT_PORTS.cognito})
  --lambda-port <port>    Lambda Invoke API of the triggers (env LOCAL_POOL_LAMBDA_PORT, default ${DEFAULT_PORTS.lambda})
  --dynamodb-port <port>  DynamoDB (env LOCAL_POOL_DYNAMODB_PORT, default ${DEFAULT_PORTS.dynamodb})
  --ses-port <port>       SES and its mail viewer (env LOCAL_POOL_SES_PORT, default ${DEFAULT_PORTS.ses})
  --page-port <port>      the sign-in page, where magic links point (env LOCAL_POOL_PAGE_PORT, default ${DEFAULT_PORTS.page})
  --help                  show this text
`;

/** A flag or variable of `npm start` has a value it cannot use. */
export class StartOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartOptionsError';
  }
}

function port(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new StartOptionsError(`${name} must be a port number from 0 to 65535 (0 picks a free one), got "${value}".`);
  }
  return parsed;
}

/**
 * Reads the options of `npm start` from its arguments and environment; flags win over variables.
 *
 * @throws StartOptionsError naming the flag or variable whose value is unusable
 */
export function parseStartOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): StartOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(args));
  } catch (error) {
    throw new StartOptionsError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const ports = { ...DEFAULT_PORTS };
  for (const [key, { flag, env: variable }] of Object.entries(PORT_SETTINGS) as [
    keyof LocalPoolPorts,
    { flag: string; env: string },
  ][]) {
    const fromFlag = (values as Record<string, unknown>)[flag];
    const fromEnv = env[variable];
    if (typeof fromFlag === 'string') ports[key] = port(fromFlag, `--${flag}`);
    else if (fromEnv !== undefined && fromEnv !== '') ports[key] = port(fromEnv, variable);
  }
  const fixedCode = values.code ?? (env.LOCAL_POOL_CODE || undefined);
  if (fixedCode !== undefined && !/^\d{6}$/.test(fixedCode)) {
    throw new StartOptionsError(`--code (LOCAL_POOL_CODE) must be six digits, got "${fixedCode}".`);
  }
  const params: Record<string, string> = {};
  for (const assignment of values.param ?? []) {
    const separator = assignment.indexOf('=');
    if (separator <= 0) throw new StartOptionsError(`--param must look like name=value, got "${assignment}".`);
    params[assignment.slice(0, separator)] = assignment.slice(separator + 1);
  }
  return {
    ports,
    reset: values.reset ?? false,
    ...(values.record === undefined ? {} : { recordDir: values.record }),
    ...(fixedCode === undefined ? {} : { fixedCode }),
    params,
    help: values.help ?? false,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      reset: { type: 'boolean' },
      record: { type: 'string' },
      code: { type: 'string' },
      param: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.values(PORT_SETTINGS).map(({ flag }) => [flag, { type: 'string' as const }])),
    },
  });
}
