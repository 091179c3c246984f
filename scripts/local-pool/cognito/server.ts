import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CognitoError, UnsupportedError } from 'cognito-local/lib/errors';
import { DefaultConfig } from 'cognito-local/lib/server/config';
import { createServer as createCognitoLocalApp } from 'cognito-local/lib/server/server';
import { DateClock } from 'cognito-local/lib/services/clock';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import type { Context } from 'cognito-local/lib/services/context';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import { ChallengeSessions } from './challenge-sessions';
import type { Layer } from './layer';
import { fileLogger } from './logger';
import type { CodeDelivery } from './mail';
import { LocalMessages } from './messages';
import { route } from './router';
import { TokenService } from './tokens';
import { createTriggerInvoker } from './trigger-invoker';
import { LocalTriggers } from './triggers';
import { LocalUserPoolFactory } from './user-pool';

/** How the local Cognito API is started. */
export interface CognitoLayerOptions {
  port: number;
  /** Where users, pools and clients are kept (`.cognito/db/*.json`, cognito-local's format). */
  dataDir: string;
  logFile: string;
  /** The Lambda Invoke API the triggers are invoked through. */
  lambdaEndpoint: string;
  /** The local SES the pool's messages are sent to. */
  sesEndpoint?: string;
  /** Digits every confirmation and sign-in code takes; random codes when unset. */
  fixedCode?: string;
  onCodeDelivery?: (delivery: CodeDelivery) => void;
  /** How long a trigger may take per attempt (Cognito: 5 s). */
  triggerTimeoutMs?: number;
}

/** The local Cognito API on loopback. */
export interface CognitoLayer {
  endpoint: string;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/x-amz-json-1.1';
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-errortype, x-amzn-requestid',
};

/** cognito-local's date convention: dates as epoch seconds. */
function serialise(body: object): string {
  return JSON.stringify(body, function replacer(this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : value;
  });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const body: unknown = text === '' ? {} : JSON.parse(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SyntaxError('not an object');
  return body as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: object, errorType?: string): void {
  response
    .writeHead(status, {
      'content-type': JSON_TYPE,
      ...CORS_HEADERS,
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    })
    .end(serialise(body));
}

/** Builds the layer's services over cognito-local's storage in `dataDir`. */
async function createLayer(ctx: Context, options: CognitoLayerOptions, endpoint: string): Promise<Layer> {
  const dataDirectory = join(options.dataDir, '.cognito', 'db');
  mkdirSync(dataDirectory, { recursive: true });
  const clock = new DateClock();
  const dataStores = new StormDBDataStoreFactory(dataDirectory);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDirectory,
    dataStores,
    new LocalUserPoolFactory(clock, dataStores),
  ).create(ctx, {});
  const poolOf = async (context: Context, userPoolId: string) =>
    (await cognito.getUserPool(context, userPoolId)).options;
  const triggers = new LocalTriggers(
    createTriggerInvoker({
      endpoint: options.lambdaEndpoint,
      ...(options.triggerTimeoutMs ? { attemptTimeoutMs: options.triggerTimeoutMs } : {}),
    }),
    poolOf,
  );
  const messages = new LocalMessages(triggers, poolOf, {
    ...(options.sesEndpoint === undefined ? {} : { sesEndpoint: options.sesEndpoint }),
    ...(options.onCodeDelivery === undefined ? {} : { onCodeDelivery: options.onCodeDelivery }),
  });
  const tokens = new TokenService(clock, triggers, cognito, endpoint);
  const otp = () => options.fixedCode ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  const config = {
    ...DefaultConfig,
    UserPoolDefaults: {},
    TriggerFunctions: {},
    TokenConfig: { IssuerDomain: endpoint },
  };
  return {
    services: { clock, cognito, config, messages, otp, tokenGenerator: tokens, triggers },
    cognito,
    triggers,
    tokens,
    messages,
    sessions: new ChallengeSessions(),
    otp,
  };
}

/**
 * Starts the local Cognito API on 127.0.0.1:`port`: cognito-local's storage, API actions and endpoints (JWKS,
 * health, OAuth2) composed in-process with the layer that makes it answer app clients as Cognito does — SRP, refresh,
 * revocation, custom and choice-based sign-in, case-insensitive names, triggers from each pool's `LambdaConfig`,
 * Cognito's errors, and its messages in the local mail.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html
 */
export async function startCognitoLayer(options: CognitoLayerOptions): Promise<CognitoLayer> {
  const logger = fileLogger(options.logFile);
  const ctx: Context = { logger };
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const layer = await createLayer(ctx, options, endpoint).catch(async (error: unknown) => {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  });
  const application = createCognitoLocalApp(
    () => () => Promise.reject(new UnsupportedError('served by the layer')),
    // Its express app only logs through pino-http, which takes any logger with pino's level methods.
    logger as never,
    { hostname: '127.0.0.1', port: options.port, development: false, https: false },
    layer.services,
  ).application;

  const answer = async (request: IncomingMessage, response: ServerResponse, target: string): Promise<void> => {
    let body: Record<string, unknown>;
    try {
      body = await readJson(request);
    } catch {
      send(
        response,
        400,
        { __type: 'SerializationException', message: 'The request body is not a JSON object.' },
        'SerializationException',
      );
      return;
    }
    const requestCtx: Context = { logger: logger.child({ target }) };
    try {
      send(response, 200, await route(requestCtx, layer, target, body));
    } catch (error) {
      if (error instanceof CognitoError) {
        send(response, 400, { __type: error.code, message: error.message }, error.code);
      } else if (error instanceof UnsupportedError) {
        requestCtx.logger.warn({ error }, 'Unsupported');
        send(response, 500, {
          __type: 'CognitoLocal#Unsupported',
          message: `Cognito Local unsupported feature: ${error.message}`,
        });
      } else {
        requestCtx.logger.error({ error: error instanceof Error ? error.stack : String(error) }, 'Internal error');
        send(response, 500, { __type: 'InternalErrorException', message: 'Internal error' }, 'InternalErrorException');
      }
    }
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const target = request.headers['x-amz-target'];
    if (request.method === 'POST' && (request.url === '/' || request.url === '') && typeof target === 'string') {
      void answer(request, response, target.split('.')[1] ?? '');
      return;
    }
    const discovery = /^\/([^/]+)\/\.well-known\/openid-configuration$/.exec(request.url ?? '');
    if (request.method === 'GET' && discovery !== null) {
      const issuer = layer.tokens.issuer(discovery[1] ?? '');
      response.writeHead(200, { 'content-type': 'application/json', ...CORS_HEADERS }).end(
        JSON.stringify({
          issuer,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      return;
    }
    application(request, response);
  });

  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
