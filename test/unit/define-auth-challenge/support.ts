import { type DefineAuthChallengeConfig, loadDefineAuthChallengeConfig } from '@functions/define-auth-challenge/config';
import { DEFINE_AUTH_CHALLENGE_STEPS } from '@functions/define-auth-challenge/steps';
import type { Env } from '@shared/config';
import { createLogger } from '@shared/logger';
import { reject, runSteps } from '@shared/steps';
import { invocationParts } from '@test/helpers/invocation';
import { captureLogs, type LogCapture } from '@test/helpers/log-capture';
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
  const logs = captureLogs();
  await runSteps(DEFINE_AUTH_CHALLENGE_STEPS, {
    event,
    config,
    logger: createLogger({ level: 'debug', sink: logs.sink }),
    reject,
    ...invocationParts(),
  });
  return logs;
}
