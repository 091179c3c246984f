import { loadPostConfirmationConfig, type PostConfirmationConfig } from '@functions/post-confirmation/config';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import type { PostConfirmationContext, PostConfirmationDependencies } from '@functions/post-confirmation/trigger';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { runSteps, type Step } from '@shared/steps';
import type { LogCapture } from '@test/helpers/log-capture';
import { fakeOnboardingDependencies, ONBOARDING_TEST_ENV } from '@test/helpers/onboarding';
import { testStepContext } from '@test/helpers/step-context';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';

export { NOW } from '@test/helpers/onboarding';

/** The postConfirmation environment the tests start from: every setting on, logging everything. */
export const TEST_ENV: Env = ONBOARDING_TEST_ENV;

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): PostConfirmationConfig {
  return loadPostConfirmationConfig({ ...TEST_ENV, ...overrides });
}

/** Dependencies whose every call succeeds: new profiles, granted claims, accepted emails. */
export const fakeDependencies = fakeOnboardingDependencies;

/** A step context over `event`, with a logger whose lines the returned capture keeps. */
export function stepContext(
  event: PostConfirmationTriggerEvent,
  config: PostConfirmationConfig = testConfig(),
  dependencies: PostConfirmationDependencies = fakeDependencies(),
): { context: PostConfirmationContext; logs: LogCapture } {
  return testStepContext(event, config, dependencies);
}

/** Runs `step` the way the flow does, so its trigger sources and switch apply. */
export function runStep(step: Step<PostConfirmationContext>, context: PostConfirmationContext): Promise<void> {
  return runSteps([step], context);
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * over dependencies whose every call succeeds.
 */
export function testHandler(env: Env = {}): TriggerHandler<PostConfirmationTriggerEvent> {
  return createPostConfirmationHandler(testConfig(env), fakeDependencies());
}
