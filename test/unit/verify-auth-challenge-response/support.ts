import {
  loadVerifyAuthChallengeResponseConfig,
  type VerifyAuthChallengeResponseConfig,
} from '@functions/verify-auth-challenge-response/config';
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import { VERIFY_AUTH_CHALLENGE_RESPONSE_STEPS } from '@functions/verify-auth-challenge-response/steps';
import type { VerifyAuthChallengeResponseDependencies } from '@functions/verify-auth-challenge-response/trigger';
import type { UsedLinks } from '@functions/verify-auth-challenge-response/used-links';
import type { Env } from '@shared/config';
import { type MagicLinkClaims, signMagicLink } from '@shared/custom-auth/magic-link';
import type { TriggerHandler } from '@shared/handler';
import { runSteps } from '@shared/steps';
import type { LogCapture } from '@test/helpers/log-capture';
import { FIXTURE_SIGNING_KEY, FIXTURE_SIGNING_KEY_NAME, fixedSigningKey } from '@test/helpers/signing-key';
import { testStepContext } from '@test/helpers/step-context';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

/** The verifyAuthChallengeResponse environment the tests start from: both methods on, logging everything. */
export const TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  CUSTOM_AUTH_METHODS: 'email_code,magic_link',
  SIGN_IN_CHALLENGES_TABLE: 'cognito-flows-test-sign-in-challenges',
  MAGIC_LINK_KEY_NAME: FIXTURE_SIGNING_KEY_NAME,
};

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): VerifyAuthChallengeResponseConfig {
  return loadVerifyAuthChallengeResponseConfig({ ...TEST_ENV, ...overrides });
}

/** The fixed time the tests run at: before the fixtures' codes and links expire. */
export const NOW = new Date('2026-11-26T10:15:00.000Z');

/** A magic link's token for the fixtures' user, valid for an hour and signed with the fixtures' key unless told otherwise. */
export function linkToken(overrides: Partial<MagicLinkClaims> = {}, key = FIXTURE_SIGNING_KEY): string {
  const inAnHour = Math.floor(NOW.getTime() / 1000) + 3600;
  return signMagicLink(
    {
      userName: '73e5a1c9-0d4b-7062-f8a7-2b9c6e3d1f05',
      userPoolId: 'us-east-1_Xq7fLw2Zb',
      issuedAt: inAnHour - 900,
      expiresAt: inAnHour,
      linkId: 'bGluay1vbmU',
      ...overrides,
    },
    key,
  );
}

/** {@link UsedLinks} in memory with the DynamoDB record's condition: a link is used by one sign-in only. */
export function createInMemoryUsedLinks(): UsedLinks & { usedBy: Map<string, string> } {
  const usedBy = new Map<string, string>();
  return {
    usedBy,
    async use(linkId, challengeId) {
      const by = usedBy.get(linkId);
      if (by !== undefined && by !== challengeId) return false;
      usedBy.set(linkId, challengeId);
      return true;
    },
  };
}

/** Dependencies over memory: the fixtures' signing key, an empty record of used links, a fixed clock. */
export function fakeDependencies() {
  return {
    usedLinks: createInMemoryUsedLinks(),
    signingKey: fixedSigningKey(),
    now: () => NOW,
  } satisfies VerifyAuthChallengeResponseDependencies;
}

/** Runs the verifyAuthChallengeResponse steps over `event` (changing its response) and returns the log lines. */
export async function runFlow(
  event: VerifyAuthChallengeResponseTriggerEvent,
  config: VerifyAuthChallengeResponseConfig = testConfig(),
  dependencies: VerifyAuthChallengeResponseDependencies = fakeDependencies(),
): Promise<LogCapture> {
  const { context, logs } = testStepContext(event, config, dependencies);
  await runSteps(VERIFY_AUTH_CHALLENGE_RESPONSE_STEPS, context);
  return logs;
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * over dependencies in memory.
 */
export function testHandler(env: Env = {}): TriggerHandler<VerifyAuthChallengeResponseTriggerEvent> {
  return createVerifyAuthChallengeResponseHandler(testConfig(env), fakeDependencies());
}
