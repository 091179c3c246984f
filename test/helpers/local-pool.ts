import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type InvocationRecord, readInvocations } from '@scripts/local-pool/invocation-recorder';
import { type LocalPool, startLocalPool } from '@scripts/local-pool/local-pool';
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
    stop: async () => {
      cognito.destroy();
      dynamoDb.destroy();
      await pool.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The Amplify v6 configuration of an app that signs in to the test pool `run`. */
export function amplifyConfigOf(run: TestPool) {
  return {
    Auth: {
      Cognito: {
        userPoolEndpoint: run.pool.endpoints.cognito,
        userPoolId: run.pool.userPoolId,
        userPoolClientId: run.pool.clientId,
      },
    },
  };
}
