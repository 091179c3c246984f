import { type EmailOutboxConfig, loadEmailOutboxConfig } from '@functions/email-outbox/config';
import type { Env } from '@shared/config';

/** The emailOutbox environment the tests start from: emails on, three attempts before an email is parked. */
export const TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  USER_PROFILES_TABLE: 'cognito-flows-test-user-profiles',
  EMAIL_FROM: 'Example <no-reply@example.com>',
  PRODUCT_NAME: 'Example App',
  SUPPORT_EMAIL: 'support@example.com',
  APP_URL: 'https://app.example.com',
  EMAIL_MAX_ATTEMPTS: '3',
  METRICS_SERVICE: 'cognito-flows-test',
};

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): EmailOutboxConfig {
  return loadEmailOutboxConfig({ ...TEST_ENV, ...overrides });
}
