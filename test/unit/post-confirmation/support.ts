import { loadPostConfirmationConfig, type PostConfirmationConfig } from '@functions/post-confirmation/config';
import type { GroupMembership } from '@functions/post-confirmation/group-membership';
import type { ProfileStore } from '@functions/post-confirmation/profile-store';
import type { PostConfirmationContext, PostConfirmationDependencies } from '@functions/post-confirmation/trigger';
import type { Env } from '@shared/config';
import { createLogger } from '@shared/logger';
import type { Mailer } from '@shared/mailer';
import { reject, runSteps, type Step } from '@shared/steps';
import { captureLogs, type LogCapture } from '@test/helpers/log-capture';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';

/** The postConfirmation environment the tests start from: every setting on, logging everything. */
export const TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  USER_PROFILES_TABLE: 'cognito-flows-test-user-profiles',
  DEFAULT_GROUP: 'users',
  EMAIL_FROM: 'Example <no-reply@example.com>',
  PRODUCT_NAME: 'Example App',
  SUPPORT_EMAIL: 'support@example.com',
  APP_URL: 'https://app.example.com',
};

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): PostConfirmationConfig {
  return loadPostConfirmationConfig({ ...TEST_ENV, ...overrides });
}

/** The fixed time of {@link fakeDependencies}' clock. */
export const NOW = new Date('2026-11-26T10:15:00.000Z');

/** A jest mock typed as the function `F` it stands in for. */
function fake<F extends (...args: never[]) => unknown>(implementation: F): jest.Mock<ReturnType<F>, Parameters<F>> {
  return jest.fn<ReturnType<F>, Parameters<F>>(implementation as (...args: Parameters<F>) => ReturnType<F>);
}

/** Dependencies whose every call succeeds: new profiles, granted claims, accepted emails. */
export function fakeDependencies() {
  return {
    profiles: {
      create: fake<ProfileStore['create']>(async () => 'created'),
      recordPasswordChange: fake<ProfileStore['recordPasswordChange']>(async () => 'recorded'),
      claimEmail: fake<ProfileStore['claimEmail']>(async () => true),
      completeEmail: fake<ProfileStore['completeEmail']>(async () => true),
      releaseEmail: fake<ProfileStore['releaseEmail']>(async () => true),
    },
    groups: { add: fake<GroupMembership['add']>(async () => undefined) },
    mailer: { send: fake<Mailer['send']>(async () => undefined) },
    now: () => NOW,
  } satisfies PostConfirmationDependencies;
}

/** A step context over `event`, with a logger whose lines the returned capture keeps. */
export function stepContext(
  event: PostConfirmationTriggerEvent,
  config: PostConfirmationConfig = testConfig(),
  dependencies: PostConfirmationDependencies = fakeDependencies(),
): { context: PostConfirmationContext; logs: LogCapture } {
  const logs = captureLogs();
  const logger = createLogger({ level: 'debug', sink: logs.sink });
  return { context: { ...dependencies, event, config, logger, reject, remainingTimeMs: () => 5_000 }, logs };
}

/** Runs `step` the way the flow does, so its trigger sources and switch apply. */
export function runStep(step: Step<PostConfirmationContext>, context: PostConfirmationContext): Promise<void> {
  return runSteps([step], context);
}
