/**
 * `npm run load`: a bounded load run on the local pool. It starts the pool on free ports in a temporary folder,
 * runs FLOWS sign-up → confirm flows with CONCURRENCY in flight, then checks that every user has exactly one
 * profile and exactly one welcome email, prints the throughput and latencies, and stops everything.
 *
 *   npm run load                      # 200 flows, 20 at a time
 *   npm run load -- --flows 50 --concurrency 10
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { readInvocations } from '../local-pool/invocation-recorder';
import { startLocalPool } from '../local-pool/local-pool';

const CODE = '135790';
const PASSWORD = 'Load-Test-Passw0rd!';
const DEADLINE_MS = 180_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function scanAll(client: DynamoDBClient, TableName: string): Promise<NonNullable<ScanCommandOutput['Items']>> {
  const items: NonNullable<ScanCommandOutput['Items']> = [];
  let ExclusiveStartKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { flows: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '20' } },
  });
  const flows = Number(values.flows);
  const concurrency = Number(values.concurrency);
  if (
    !Number.isInteger(flows) ||
    flows < 1 ||
    flows > 1000 ||
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    concurrency > 50
  ) {
    throw new Error('--flows must be 1-1000 and --concurrency 1-50.');
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-flows-load-'));
  const pool = await startLocalPool({
    projectDir: resolve(__dirname, '..', '..'),
    stage: 'local',
    params: { emailFrom: 'Cognito Flows <no-reply@example.com>' },
    stateDir,
    ports: { cognito: 0, lambda: 0, dynamodb: 0, ses: 0, page: 0 },
    fixedCode: CODE,
    timeoutMs: 60_000,
  });
  const options = {
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  };
  const cognito = new CognitoIdentityProviderClient({ ...options, endpoint: pool.endpoints.cognito });
  const dynamoDb = new DynamoDBClient({ ...options, endpoint: pool.endpoints.dynamodb });
  const abort = setTimeout(() => {
    console.error(`Load run exceeded ${DEADLINE_MS / 1000} s; stopping.`);
    process.exitCode = 1;
    void pool.stop().finally(() => process.exit(1));
  }, DEADLINE_MS);
  try {
    const runId = Date.now().toString(36);
    const emails = Array.from({ length: flows }, (_, index) => `load-${runId}-${index}@example.com`);
    const latencies: number[] = [];
    const failures: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < emails.length) {
        const email = emails[next++] as string;
        const startedAt = performance.now();
        try {
          await cognito.send(
            new SignUpCommand({
              ClientId: pool.clientId,
              Username: email,
              Password: PASSWORD,
              UserAttributes: [
                { Name: 'email', Value: email },
                { Name: 'name', Value: 'Load Test' },
              ],
            }),
          );
          await cognito.send(
            new ConfirmSignUpCommand({ ClientId: pool.clientId, Username: email, ConfirmationCode: CODE }),
          );
          latencies.push(performance.now() - startedAt);
        } catch (error) {
          failures.push(`${email}: ${(error as Error).name}: ${(error as Error).message}`);
        }
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - startedAt) / 1000;

    const profilesTable = pool.definition.tables['UserProfilesTable']?.TableName ?? '';
    const profiles = await scanAll(dynamoDb, profilesTable);
    const profilesByEmail = new Map<string, number>();
    for (const item of profiles) {
      const email = item['email']?.S ?? '';
      profilesByEmail.set(email, (profilesByEmail.get(email) ?? 0) + 1);
    }
    const stored = (
      (await (await fetch(`${pool.endpoints.ses}/store`)).json()) as {
        emails: { destination: { to: string[] }; body: { html?: string; text?: string } }[];
      }
    ).emails;
    // The local pool mails each sign-up its confirmation code too; every other message is a welcome email.
    const mail = stored.filter(({ body }) => !`${body.html ?? ''}${body.text ?? ''}`.includes(CODE));
    const mailByEmail = new Map<string, number>();
    for (const message of mail) {
      for (const to of message.destination.to) mailByEmail.set(to, (mailByEmail.get(to) ?? 0) + 1);
    }
    const wrong = emails.filter((email) => profilesByEmail.get(email) !== 1 || mailByEmail.get(email) !== 1);

    const invocations = readInvocations(pool.invocationLog);
    const failedInvocations = invocations.filter((record) => record.error !== undefined);
    const slowest = Math.max(...invocations.map((record) => record.durationMs));

    latencies.sort((a, b) => a - b);
    console.log(`flows: ${flows} sign-up → confirm, ${concurrency} at a time, ${seconds.toFixed(1)} s`);
    console.log(`throughput: ${(latencies.length / seconds).toFixed(1)} flows/s`);
    console.log(
      `latency per flow (ms): p50 ${percentile(latencies, 50).toFixed(0)}, p95 ${percentile(latencies, 95).toFixed(0)}, max ${percentile(latencies, 100).toFixed(0)}`,
    );
    console.log(
      `failed flows: ${failures.length}${failures.length > 0 ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`,
    );
    console.log(
      `trigger invocations: ${invocations.length}, failed: ${failedInvocations.length}, slowest ${slowest.toFixed(0)} ms`,
    );
    for (const record of failedInvocations.slice(0, 5)) {
      console.log(`  ${record.triggerSource ?? record.functionName}: ${record.error?.errorMessage ?? ''}`);
    }
    console.log(
      `profiles: ${profiles.length}; welcome emails: ${mail.length}; users without exactly one of each: ${wrong.length}`,
    );
    return failures.length === 0 && wrong.length === 0 ? 0 : 1;
  } finally {
    clearTimeout(abort);
    cognito.destroy();
    dynamoDb.destroy();
    await pool.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
