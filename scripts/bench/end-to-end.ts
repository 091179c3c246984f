import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startCognitoLocal } from '@scripts/local-pool/cognito-local';
import { type LocalPool, startLocalPool } from '@scripts/local-pool/local-pool';
import { freePort } from '@scripts/local-pool/processes';
import { ensurePool } from '@scripts/local-pool/provision';
import { PROJECT_ROOT } from './production-build';
import { type Summary, summarise } from './stats';

/** Latency of sign-up → confirm → first sign-in on the local pool, or why it was not measured. */
export type EndToEnd =
  | {
      readonly measured: true;
      readonly withTriggers: Summary;
      readonly withoutTriggers: Summary;
      /** The first sign-up with triggers, whose functions all start cold. */
      readonly firstWithTriggersMs: number;
    }
  | { readonly measured: false; readonly reason: string };

/** Sign-ups per pool; the first one with triggers starts each function cold in serverless-offline. */
const END_TO_END_RUNS = 15;
const CODE = '424242';
const PASSWORD = 'Correct-Horse-42';
const START_TIMEOUT_MS = 90_000;
/** Stage parameters of the measured pool: welcome emails on, so postConfirmation does its whole path. */
const PARAMS = { emailFrom: 'Cognito Flows <no-reply@example.com>' };

/** A pool to sign users up in: its Cognito endpoint and app client. */
interface Target {
  client: CognitoIdentityProviderClient;
  clientId: string;
}

function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** Milliseconds from SignUp through ConfirmSignUp to the tokens of the first USER_PASSWORD_AUTH sign-in. */
async function signUpConfirmSignIn({ client, clientId }: Target, email: string): Promise<number> {
  const start = performance.now();
  await client.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'name', Value: 'Bench User' },
      ],
    }),
  );
  await client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: CODE }));
  const { AuthenticationResult } = await client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  if (AuthenticationResult?.IdToken === undefined) throw new Error(`The first sign-in of ${email} returned no tokens.`);
  return performance.now() - start;
}

/**
 * A second cognito-local holding the same pool definition but configured with no trigger functions: the
 * baseline of what the Cognito emulator itself costs.
 */
async function startPoolWithoutTriggers(pool: LocalPool, stateDir: string) {
  const port = await freePort();
  const cognito = await startCognitoLocal({
    port,
    dataDir: join(stateDir, 'no-triggers'),
    logFile: join(stateDir, 'no-triggers.log'),
    lambdaEndpoint: pool.endpoints.lambda,
    triggerFunctions: {},
    fixedCode: CODE,
    timeoutMs: START_TIMEOUT_MS,
  });
  const client = cognitoClient(cognito.endpoint);
  const { clientIds } = await ensurePool(client, pool.definition);
  const [clientId] = Object.values(clientIds);
  if (clientId === undefined) throw new Error('The pool definition has no app client.');
  return { target: { client, clientId }, stop: () => cognito.child.stop() };
}

/**
 * Median latency of sign-up → confirm → first sign-in on the local pool (`npm start`'s machinery), with the
 * project's triggers and on the same pool definition without triggers, alternating between the two.
 */
export async function measureEndToEnd(progress: (message: string) => void): Promise<EndToEnd> {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-flows-bench-pool-'));
  let pool: LocalPool | undefined;
  let withoutTriggers: Awaited<ReturnType<typeof startPoolWithoutTriggers>> | undefined;
  try {
    progress('end-to-end: starting the local pool');
    pool = await startLocalPool({
      projectDir: PROJECT_ROOT,
      stage: 'bench',
      params: PARAMS,
      stateDir,
      ports: { cognito: 0, lambda: 0, dynamodb: 0, ses: 0, page: 0 },
      fixedCode: CODE,
      timeoutMs: START_TIMEOUT_MS,
    });
    withoutTriggers = await startPoolWithoutTriggers(pool, stateDir);
    const withTriggers: Target = { client: cognitoClient(pool.endpoints.cognito), clientId: pool.clientId };
    const times = { with: [] as number[], without: [] as number[] };
    for (let run = 0; run < END_TO_END_RUNS; run += 1) {
      progress(`end-to-end: sign-up ${run + 1}/${END_TO_END_RUNS}`);
      times.with.push(await signUpConfirmSignIn(withTriggers, `bench.with.${run}@example.com`));
      times.without.push(await signUpConfirmSignIn(withoutTriggers.target, `bench.without.${run}@example.com`));
    }
    withTriggers.client.destroy();
    withoutTriggers.target.client.destroy();
    return {
      measured: true,
      withTriggers: summarise(times.with),
      withoutTriggers: summarise(times.without),
      firstWithTriggersMs: times.with[0] ?? 0,
    };
  } catch (error) {
    return {
      measured: false,
      reason: `the local pool failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  } finally {
    await withoutTriggers?.stop();
    await pool?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
