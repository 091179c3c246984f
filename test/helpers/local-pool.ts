import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type InvocationRecord, readInvocations } from '@scripts/local-pool/invocation-recorder';
import { type LocalPool, startLocalPool } from '@scripts/local-pool/local-pool';
import { CognitoUserPool } from 'amazon-cognito-identity-js';
import { verifyPoolToken } from './jwt-verify';
import type { StoredEmail } from './ses-local';

/** The digits of every confirmation code in the test pool. */
export const TEST_CODE = '424242';

/** Stage parameters the end-to-end tests rely on, set explicitly rather than taken from the local stage. */
export const TEST_PARAMS = {
  deniedEmailDomains: 'denied.example',
  autoConfirmEmailDomains: 'trusted.example',
  emailFrom: 'Cognito Flows <no-reply@example.com>',
  customAttributes: 'tenant_id:String',
  groupRoles: 'admins:admin,users:member',
  groupScopes: 'admins:flows-api/admin',
  tenantAttribute: 'custom:tenant_id',
} as const;

/** A local pool started for a test file, with clients and readers of its effects. */
export interface TestPool {
  pool: LocalPool;
  /** A Cognito client of the pool that never retries, so every call reaches the pool exactly once. */
  cognito: CognitoIdentityProviderClient;
  dynamoDb: DynamoDBClient;
  /** Where `--record` saved fixture files. */
  fixturesDir: string;
  /** Every trigger invocation so far, from the pool's invocation log. */
  invocations(): InvocationRecord[];
  /** The mail SES received so far. */
  emails(): Promise<StoredEmail[]>;
  /** Every item of the table with logical id `tableId`. */
  items(tableId: string): Promise<Record<string, AttributeValue>[]>;
  /** The claims of `token`, an ID or access token of the pool's app client, verified as an app verifies them. */
  verifyToken(token: string, tokenUse: 'id' | 'access'): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Starts the whole local pool (`npm start`'s machinery) in a temporary state folder on free ports, with fixed
 * confirmation codes and fixture recording on, and `params` over {@link TEST_PARAMS}. Call `stop` in `afterAll`: it
 * stops every process and removes the folder.
 */
export async function startTestPool(params: Readonly<Record<string, string>> = {}): Promise<TestPool> {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-flows-e2e-'));
  const fixturesDir = join(stateDir, 'recorded-fixtures');
  let pool: LocalPool;
  try {
    pool = await startLocalPool({
      projectDir: resolve(__dirname, '..', '..'),
      stage: 'local',
      params: { ...TEST_PARAMS, ...params },
      stateDir,
      ports: { cognito: 0, lambda: 0, dynamodb: 0, ses: 0, page: 0 },
      fixedCode: TEST_CODE,
      fixturesDir,
      timeoutMs: 60_000,
    });
  } catch (error) {
    rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }
  const clientOptions = {
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  };
  const cognito = new CognitoIdentityProviderClient({ ...clientOptions, endpoint: pool.endpoints.cognito });
  const dynamoDb = new DynamoDBClient({ ...clientOptions, endpoint: pool.endpoints.dynamodb });
  return {
    pool,
    cognito,
    dynamoDb,
    fixturesDir,
    invocations: () => readInvocations(pool.invocationLog),
    emails: async () =>
      ((await (await fetch(`${pool.endpoints.ses}/store`)).json()) as { emails: StoredEmail[] }).emails,
    items: async (tableId) => {
      const TableName = pool.definition.tables[tableId]?.TableName;
      if (TableName === undefined) throw new Error(`The service declares no table ${tableId}.`);
      return (await dynamoDb.send(new ScanCommand({ TableName }))).Items ?? [];
    },
    verifyToken: (token, tokenUse) =>
      verifyPoolToken(pool.endpoints.cognito, pool.userPoolId, pool.clientId, token, tokenUse),
    stop: async () => {
      cognito.destroy();
      dynamoDb.destroy();
      await pool.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a test pool before the tests of the file (jest's `beforeAll`) and stops it after them (`afterAll`), as
 * {@link startTestPool} with `params`; `onStart` runs once the pool is up (a client library's configuration). Returns
 * the pool, whose fields are there from `beforeAll` on: read them in tests and hooks only.
 */
export function useTestPool(
  params: Readonly<Record<string, string>> = {},
  onStart: (run: TestPool) => void = () => undefined,
): TestPool {
  const run = {} as TestPool;
  beforeAll(async () => {
    Object.assign(run, await startTestPool(params));
    onStart(run);
  }, 120_000);
  afterAll(async () => {
    await run.stop?.();
  });
  return run;
}

/** The amazon-cognito-identity-js pool of an app that signs in to the test pool `run`. */
export function cognitoUserPoolOf(run: TestPool): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: run.pool.userPoolId,
    ClientId: run.pool.clientId,
    endpoint: run.pool.endpoints.cognito,
  });
}
