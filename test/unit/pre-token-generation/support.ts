import { loadPreTokenGenerationConfig, type PreTokenGenerationConfig } from '@functions/pre-token-generation/config';
import { createPreTokenGenerationHandler } from '@functions/pre-token-generation/handler';
import { PRE_TOKEN_GENERATION_STEPS } from '@functions/pre-token-generation/steps';
import type { PreTokenGenerationEvent } from '@functions/pre-token-generation/token-event';
import type { PreTokenGenerationContext } from '@functions/pre-token-generation/trigger';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { runSteps, type Step } from '@shared/steps';
import type { LogCapture } from '@test/helpers/log-capture';
import { testStepContext } from '@test/helpers/step-context';

/** The app client of the fixtures' user sign-ins. */
export const WEB_CLIENT = '3k9v2m7q1x8c4n6b5t0w2r7y1p';

/**
 * The settings the preTokenGeneration tests run with, every step on: the fixtures' user is in `admins` and `users`
 * and has `custom:tenant_id`; `TokenGeneration_ClientCredentials.json`'s machine client gets the `*` entry.
 */
export const TEST_ENV = {
  GROUP_ROLES: 'admins:admin,admins:auditor,users:member',
  GROUP_SCOPES: 'admins:orders/admin',
  TENANT_ATTRIBUTE: 'custom:tenant_id',
  HIDDEN_ID_CLAIMS: 'phone_number,custom:internal_notes',
  CLIENT_CLAIMS: JSON.stringify({ [WEB_CLIENT]: { app: 'web' }, '*': { plan: 'standard' } }),
  MACHINE_CLIENT_ACCESS: JSON.stringify({ '*': { scopes: ['orders/write'], claims: { partner: 'acme' } } }),
} as const;

/** The configuration of {@link TEST_ENV} with `overrides` applied (an empty value switches a step off). */
export function testConfig(overrides: Env = {}): PreTokenGenerationConfig {
  return loadPreTokenGenerationConfig({ ...TEST_ENV, ...overrides });
}

/** Runs `steps` (the whole flow unless given) over `event`, changing its response, and returns the log lines. */
export async function runFlow(
  event: PreTokenGenerationEvent,
  config: PreTokenGenerationConfig = testConfig(),
  steps: readonly Step<PreTokenGenerationContext>[] = PRE_TOKEN_GENERATION_STEPS,
): Promise<LogCapture> {
  const { context, logs } = testStepContext(event, config);
  await runSteps(steps, context);
  return logs;
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * users without a tenant refused and the tenant claim required.
 */
export function testHandler(env: Env = {}): TriggerHandler<PreTokenGenerationEvent> {
  return createPreTokenGenerationHandler(
    testConfig({ ...env, USERS_WITHOUT_TENANT: 'refuse', REQUIRED_CLAIMS: 'tenant_id' }),
  );
}
