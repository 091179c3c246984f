import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChildHandle, startChild, waitUntilReady } from './processes';

const COGNITO_LOCAL_BIN = require.resolve('cognito-local/lib/bin/start.js');

/** A message cognito-local would have delivered (it prints them instead of sending them). */
export interface CodeDelivery {
  destination: string;
  code: string;
}

/** The Cognito user-pool API on loopback. */
export interface CognitoLocal {
  endpoint: string;
  child: ChildHandle;
}

/** How cognito-local is started. */
export interface CognitoLocalOptions {
  port: number;
  /** Its working directory: config in `.cognito/config.json`, users and pools in `.cognito/db/`. */
  dataDir: string;
  logFile: string;
  /** The Lambda Invoke API endpoint it calls triggers through. */
  lambdaEndpoint: string;
  /** Trigger name → function name, e.g. `{ PreSignUp: 'cognito-flows-local-preSignUp' }`. */
  triggerFunctions: Readonly<Record<string, string>>;
  /** Digits every confirmation code and temporary password takes; random codes when unset. */
  fixedCode?: string;
  onCodeDelivery?: (delivery: CodeDelivery) => void;
  timeoutMs: number;
}

/**
 * Reads the "Confirmation Code Delivery" boxes cognito-local prints (one log line each: its logger is configured
 * with `singleLine`) and reports the destination and code of each.
 */
export function codeDeliveryReader(report: (delivery: CodeDelivery) => void): (line: string) => void {
  return (line) => {
    if (!line.includes('Confirmation Code Delivery')) return;
    const destination = /Destination:\s+(\S+)/.exec(line)?.[1];
    const code = /Code:\s+(\S+)/.exec(line)?.[1];
    if (destination !== undefined && code !== undefined) report({ destination, code });
  };
}

/**
 * Starts cognito-local on 127.0.0.1:`port`, configured to call the triggers through `lambdaEndpoint`.
 *
 * @see https://github.com/jagregory/cognito-local#configuration
 */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocal> {
  const configDir = join(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const config = {
    LambdaClient: {
      endpoint: options.lambdaEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    TriggerFunctions: options.triggerFunctions,
    TokenConfig: { IssuerDomain: endpoint },
    ServerConfig: { hostname: '127.0.0.1', port: options.port },
  };
  writeFileSync(join(configDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const child = startChild({
    name: 'cognito-local',
    command: process.execPath,
    args: [COGNITO_LOCAL_BIN],
    cwd: options.dataDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      ...(options.fixedCode === undefined ? {} : { CODE: options.fixedCode }),
    },
    logFile: options.logFile,
    onLine: options.onCodeDelivery && codeDeliveryReader(options.onCodeDelivery),
  });
  try {
    await waitUntilReady(child, async (signal) => (await fetch(`${endpoint}/health`, { signal })).ok, {
      timeoutMs: options.timeoutMs,
      what: `healthy on ${endpoint}`,
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { endpoint, child };
}
