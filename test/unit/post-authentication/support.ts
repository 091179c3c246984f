import { loadPostAuthenticationConfig, type PostAuthenticationConfig } from '@functions/post-authentication/config';
import { createPostAuthenticationHandler } from '@functions/post-authentication/handler';
import type { PostAuthenticationContext, PostAuthenticationDependencies } from '@functions/post-authentication/trigger';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { runSteps, type Step } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import type { LogCapture } from '@test/helpers/log-capture';
import { fakeOnboardingDependencies, ONBOARDING_TEST_ENV } from '@test/helpers/onboarding';
import { testStepContext } from '@test/helpers/step-context';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';

export { NOW } from '@test/helpers/onboarding';

/** The postAuthentication environment the tests start from: onboarding emails on, logging everything. */
export const TEST_ENV: Env = ONBOARDING_TEST_ENV;

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): PostAuthenticationConfig {
  return loadPostAuthenticationConfig({ ...TEST_ENV, ...overrides });
}

/** Dependencies whose every call succeeds: new profiles, granted claims, accepted emails. */
export const fakeDependencies = fakeOnboardingDependencies;

/**
 * The sign-in of a user not onboarded yet: the fixture (an onboarded user's ordinary sign-in) without
 * `custom:onboarded`, as a migrated or invited user's first sign-in arrives.
 */
export function firstSignIn(): PostAuthenticationTriggerEvent {
  const event = loadFixture('PostAuthentication_Authentication');
  delete event.request.userAttributes['custom:onboarded'];
  return event;
}

/** A step context over `event`, with a logger whose lines the returned capture keeps. */
export function stepContext(
  event: PostAuthenticationTriggerEvent,
  config: PostAuthenticationConfig = testConfig(),
  dependencies: PostAuthenticationDependencies = fakeDependencies(),
): { context: PostAuthenticationContext; logs: LogCapture } {
  return testStepContext(event, config, dependencies);
}

/** Runs `step` the way the flow does, so its switch applies. */
export function runStep(step: Step<PostAuthenticationContext>, context: PostAuthenticationContext): Promise<void> {
  return runSteps([step], context);
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added
 * and each sign-in recorded, over dependencies whose every call succeeds.
 */
export function testHandler(env: Env = {}): TriggerHandler<PostAuthenticationTriggerEvent> {
  return createPostAuthenticationHandler(testConfig({ ...env, RECORD_LAST_SIGN_IN: 'true' }), fakeDependencies());
}
