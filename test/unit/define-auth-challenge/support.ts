import { type DefineAuthChallengeConfig, loadDefineAuthChallengeConfig } from '@functions/define-auth-challenge/config';
import { createDefineAuthChallengeHandler } from '@functions/define-auth-challenge/handler';
import { DEFINE_AUTH_CHALLENGE_STEPS } from '@functions/define-auth-challenge/steps';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { runSteps } from '@shared/steps';
import type { LogCapture } from '@test/helpers/log-capture';
import { testStepContext } from '@test/helpers/step-context';
import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';

/** The defineAuthChallenge environment the tests start from: both methods on, logging everything. */
export const TEST_ENV: Env = { LOG_LEVEL: 'debug', CUSTOM_AUTH_METHODS: 'email_code,magic_link' };

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): DefineAuthChallengeConfig {
  return loadDefineAuthChallengeConfig({ ...TEST_ENV, ...overrides });
}

/** Runs the defineAuthChallenge steps over `event` (changing its response) and returns the log lines. */
export async function runFlow(
  event: DefineAuthChallengeTriggerEvent,
  config: DefineAuthChallengeConfig = testConfig(),
): Promise<LogCapture> {
  const { context, logs } = testStepContext(event, config);
  await runSteps(DEFINE_AUTH_CHALLENGE_STEPS, context);
  return logs;
}

/** The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added. */
export function testHandler(env: Env = {}): TriggerHandler<DefineAuthChallengeTriggerEvent> {
  return createDefineAuthChallengeHandler(testConfig(env));
}
