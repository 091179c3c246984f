import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { monotonicMs } from '@shared/monotonic-clock';
import { PROJECT_ROOT } from './production-build';
import { type Summary, summarise } from './stats';

/** Latency of sign-up → confirm → first sign-in on the local pool, or why it was not measured. */
export type EndToEnd =
  | {
      readonly measured: true;
      /** Milliseconds until the local pool of `npm start` answered: emulators, functions, the pool provisioned. */
      readonly poolReadyMs: number;
      /** Through the local pool, as `npm start` serves it: the Cognito layer over cognito-local, with the triggers. */
      readonly withTriggers: Summary;
      /** cognito-local itself calling the same triggers, without the layer: what the layer adds is the ratio. */
      readonly withTriggersWithoutLayer: Summary;
      /** cognito-local itself, without triggers: what the Cognito emulator costs. */
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
  const start = monotonicMs();
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
  return monotonicMs() - start;
}

/**
 * cognito-local itself, without the project's Cognito layer, holding the same pool definition and calling
 * `triggerFunctions` (none, or the local pool's) through the local pool's Lambda endpoint.
 */
async function startPlainCognitoLocal(
  pool: LocalPool,
  stateDir: string,
  name: string,
  triggerFunctions: Readonly<Record<string, string>>,
) {
  const port = await freePort();
  const cognito = await startCognitoLocal({
    port,
    dataDir: join(stateDir, name),
    logFile: join(stateDir, `${name}.log`),
    lambdaEndpoint: pool.endpoints.lambda,
    triggerFunctions,
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
 * Median latency of sign-up → confirm → first sign-in on the local pool (`npm start`'s machinery), on cognito-local
 * calling the same triggers without the layer, and on cognito-local without triggers, taking turns; and how long the
 * local pool took to be ready.
 */
export async function measureEndToEnd(progress: (message: string) => void): Promise<EndToEnd> {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-flows-bench-pool-'));
  let pool: LocalPool | undefined;
  const plain: Awaited<ReturnType<typeof startPlainCognitoLocal>>[] = [];
  try {
    progress('end-to-end: starting the local pool');
    const startedAt = monotonicMs();
    pool = await startLocalPool({
      projectDir: PROJECT_ROOT,
      stage: 'bench',
      params: PARAMS,
      stateDir,
      ports: { cognito: 0, lambda: 0, dynamodb: 0, ses: 0, page: 0 },
      fixedCode: CODE,
      timeoutMs: START_TIMEOUT_MS,
    });
    const poolReadyMs = monotonicMs() - startedAt;
    const withoutLayer = await startPlainCognitoLocal(
      pool,
      stateDir,
      'without-layer',
      pool.definition.triggerFunctions,
    );
    plain.push(withoutLayer);
    const withoutTriggers = await startPlainCognitoLocal(pool, stateDir, 'without-triggers', {});
    plain.push(withoutTriggers);
    const targets = {
      with: { client: cognitoClient(pool.endpoints.cognito), clientId: pool.clientId },
      withoutLayer: withoutLayer.target,
      without: withoutTriggers.target,
    };
    const times = { with: [] as number[], withoutLayer: [] as number[], without: [] as number[] };
    for (let run = 0; run < END_TO_END_RUNS; run += 1) {
      progress(`end-to-end: sign-up ${run + 1}/${END_TO_END_RUNS}`);
      for (const key of ['with', 'withoutLayer', 'without'] as const) {
        times[key].push(await signUpConfirmSignIn(targets[key], `bench.${key}.${run}@example.com`));
      }
    }
    for (const target of Object.values(targets)) target.client.destroy();
    return {
      measured: true,
      poolReadyMs,
      withTriggers: summarise(times.with),
      withTriggersWithoutLayer: summarise(times.withoutLayer),
      withoutTriggers: summarise(times.without),
      firstWithTriggersMs: times.with[0] ?? 0,
    };
  } catch (error) {
    return {
      measured: false,
      reason: `the local pool failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  } finally {
    await Promise.all(plain.map((cognito) => cognito.stop()));
    await pool?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
