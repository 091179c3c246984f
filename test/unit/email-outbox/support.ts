import { type EmailOutboxConfig, loadEmailOutboxConfig } from '@functions/email-outbox/config';
import type { Env } from '@shared/config';
import { ONBOARDING_TEST_ENV } from '@test/helpers/onboarding';

/** The emailOutbox environment the tests start from: emails on, three attempts before an email is parked. */
export const TEST_ENV: Env = {
  ...ONBOARDING_TEST_ENV,
  EMAIL_MAX_ATTEMPTS: '3',
};

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): EmailOutboxConfig {
  return loadEmailOutboxConfig({ ...TEST_ENV, ...overrides });
}
