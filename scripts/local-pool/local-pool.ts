import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import startSesServer from 'aws-ses-v2-local';
import dynalite from 'dynalite';
import type { CodeDelivery } from './cognito/mail';
import { startCognitoLayer } from './cognito/server';
import { type InvocationRecord, startInvocationRecorder } from './invocation-recorder';
import { localSecretValues } from './local-secrets';
import { type PoolDefinition, type ServiceDefinition, translatePool } from './pool-definition';
import { freePort } from './processes';
import { ensurePool, ensureTables } from './provision';
import { runScheduled, type ScheduledFunction, scheduledFunctions, startSchedules } from './schedules';
import { startLocalSecretsManager } from './secrets-manager';
import { seedLegacyUsers } from './seed-legacy-users';
import { printService, type ServerlessTarget, startLambdaOffline } from './serverless';
import { startSignInPage } from './sign-in-page/server';

/** Ports of the local pool's endpoints; 0 picks a free port. */
export interface LocalPoolPorts {
  /** The Cognito user-pool API (cognito-local with the layer of scripts/local-pool/cognito/). */
  cognito: number;
  /** The Lambda Invoke API cognito-local calls: the recording proxy in front of the functions. */
  lambda: number;
  /** DynamoDB (dynalite). */
  dynamodb: number;
  /** SES (aws-ses-v2-local), whose web page lists sent mail. */
  ses: number;
  /** The sign-in page (scripts/local-pool/sign-in-page/), where the local stage's `appUrl` and magic links point. */
  page: number;
}

/** How to start the local pool. */
export interface LocalPoolOptions extends ServerlessTarget {
  /** Everything the pool keeps: Cognito and DynamoDB data, logs, the functions' build. */
  stateDir: string;
  ports: LocalPoolPorts;
  /** Digits every confirmation code takes (random codes when unset). */
  fixedCode?: string;
  /** When set, the latest event of each trigger source is saved there as a fixture file. */
  fixturesDir?: string;
  onCodeDelivery?: (delivery: CodeDelivery) => void;
  onInvocation?: (record: InvocationRecord) => void;
  /** Told of a scheduled run that failed (the schedule goes on). */
  onScheduleError?: (target: ScheduledFunction, error: unknown) => void;
  /** How long each part may take to become ready. */
  timeoutMs?: number;
}

/** Logical id of the legacy users table in resources/tables.yml. */
const LEGACY_USERS_TABLE_ID = 'LegacyUsersTable';
/** Region the local clients use; the emulators accept any. */
const REGION = 'us-east-1';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A running local pool. */
export interface LocalPool {
  endpoints: {
    cognito: string;
    lambda: string;
    functions: string;
    dynamodb: string;
    ses: string;
    secretsManager: string;
    /** The sign-in page: the `appUrl` of the pool's messages and magic links, unless a `--param` sets another. */
    page: string;
  };
  userPoolId: string;
  /** The app client's id (the template's first client). */
  clientId: string;
  /** The resolved service configuration the pool was made from. */
  service: ServiceDefinition;
  definition: PoolDefinition;
  /** Where the logs are: cognito.log, functions.log and the invocation log invocations.jsonl. */
  logsDir: string;
  invocationLog: string;
  /** The functions the service runs on a schedule; the pool runs each at its rate. */
  scheduled: ScheduledFunction[];
  /** Runs scheduled function `key` (`emailOutbox`) now, as its schedule would, and returns its answer. */
  runScheduled(key: string): Promise<unknown>;
  /** Stops every process and server of the pool. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(port, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function startSes(port: number): Promise<{ server: Server; endpoint: string }> {
  const server = await startSesServer({ host: '127.0.0.1', port });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Starts the whole pool on loopback — the sign-in page, DynamoDB, SES, Secrets Manager (the secrets the stack would
 * generate), the trigger functions behind the Lambda Invoke API (with a recording proxy in front), and the Cognito
 * API — then creates the pool, app client, groups and tables from
 * the service's own definition and seeds the legacy users. Whatever was started is stopped again if a later
 * part fails.
 */
export async function startLocalPool(options: LocalPoolOptions): Promise<LocalPool> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const logsDir = join(options.stateDir, 'logs');
  mkdirSync(logsDir, { recursive: true });
  const invocationLog = join(logsDir, 'invocations.jsonl');
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch(() => undefined);
  };

  try {
    const page = await startSignInPage(options.ports.page);
    stops.push(page.stop);
    // The emails' links point at the page, unless the caller chose an app of their own.
    const target = { ...options, params: { appUrl: page.url, ...options.params } };
    const service = printService(target);
    const definition = service.then(translatePool);
    // Awaited below; until then a failure must not count as an unhandled rejection.
    definition.catch(() => undefined);
    const cognitoPort = options.ports.cognito || (await freePort());
    const functionsPort = await freePort();
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;

    const dynamoServer = dynalite({ path: join(options.stateDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0 });
    const dynamodbEndpoint = await listen(dynamoServer, options.ports.dynamodb);
    stops.push(() => close(dynamoServer));
    const ses = await startSes(options.ports.ses);
    stops.push(() => close(ses.server));
    // The secrets the stack has Secrets Manager generate (the magic-link key), once the definition names them.
    const secretValues: Record<string, string> = {};
    const secretsManager = await startLocalSecretsManager((name) => secretValues[name]);
    stops.push(secretsManager.stop);

    const functions = startLambdaOffline(target, {
      port: functionsPort,
      mirrorDir: join(options.stateDir, 'service'),
      logFile: join(logsDir, 'functions.log'),
      timeoutMs,
      awsEnv: {
        AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
        AWS_ENDPOINT_URL_SES: ses.endpoint,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognitoEndpoint,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      },
    });
    stops.push(() => functions.child.stop());
    functions.ready.catch(() => undefined);
    const recorder = await startInvocationRecorder({
      target: `http://127.0.0.1:${functionsPort}`,
      port: options.ports.lambda,
      logFile: invocationLog,
      fixturesDir: options.fixturesDir,
      onInvocation: options.onInvocation,
    });
    stops.push(recorder.stop);

    const { tables, generatedSecrets } = await definition;
    Object.assign(secretValues, localSecretValues(options.stateDir, generatedSecrets));
    const cognito = await startCognitoLayer({
      port: cognitoPort,
      dataDir: join(options.stateDir, 'cognito'),
      logFile: join(logsDir, 'cognito.log'),
      lambdaEndpoint: recorder.endpoint,
      sesEndpoint: ses.endpoint,
      ...(options.fixedCode === undefined ? {} : { fixedCode: options.fixedCode }),
      ...(options.onCodeDelivery === undefined ? {} : { onCodeDelivery: options.onCodeDelivery }),
    });
    stops.push(cognito.stop);

    const clientOptions = { region: REGION, credentials: LOCAL_CREDENTIALS };
    const dynamoDb = new DynamoDBClient({ ...clientOptions, endpoint: dynamodbEndpoint });
    const cognitoApi = new CognitoIdentityProviderClient({ ...clientOptions, endpoint: cognitoEndpoint });
    const [provisioned] = await Promise.all([
      (async () => {
        await ensureTables(dynamoDb, tables);
        const legacyTable = tables[LEGACY_USERS_TABLE_ID]?.TableName;
        if (legacyTable !== undefined) await seedLegacyUsers(dynamoDb, legacyTable);
        return ensurePool(cognitoApi, await definition);
      })().finally(() => {
        dynamoDb.destroy();
        cognitoApi.destroy();
      }),
      functions.ready,
    ]);
    const [clientId] = Object.values(provisioned.clientIds);
    if (clientId === undefined)
      throw new Error('The service declares no AWS::Cognito::UserPoolClient to sign in with.');
    const resolved = await service;
    const scheduled = scheduledFunctions(resolved);
    const region = resolved.provider.region;
    const schedules = startSchedules(functions.endpoint, scheduled, region, (target, error) =>
      options.onScheduleError?.(target, error),
    );
    stops.push(async () => schedules.stop());
    page.configure({ endpoint: cognitoEndpoint, userPoolId: provisioned.userPoolId, clientId });

    return {
      endpoints: {
        cognito: cognitoEndpoint,
        lambda: recorder.endpoint,
        functions: functions.endpoint,
        dynamodb: dynamodbEndpoint,
        ses: ses.endpoint,
        secretsManager: secretsManager.endpoint,
        page: page.url,
      },
      userPoolId: provisioned.userPoolId,
      clientId,
      service: resolved,
      definition: await definition,
      logsDir,
      invocationLog,
      scheduled,
      runScheduled: (key) => {
        const target = scheduled.find((candidate) => candidate.key === key);
        if (target === undefined) throw new Error(`No scheduled function "${key}".`);
        return runScheduled(functions.endpoint, target, region);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
