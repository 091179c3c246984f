import { type Env, envReader } from '@shared/config';
import type { OnboardingConfig } from '@shared/onboarding/onboarding';
import { readOnboardingSettings } from '@shared/onboarding/settings';

/** Settings of the postConfirmation function, read from its environment (see serverless.yml). */
export interface PostConfirmationConfig extends OnboardingConfig {
  /** `USER_PROFILES_TABLE`: the DynamoDB table of user profiles, keyed by `sub`. */
  userProfilesTable: string;
  /** `PASSWORD_CHANGED_NOTICE`: whether a security notice follows a password reset. */
  passwordChangedNotice: boolean;
  /**
   * `PASSWORD_CHANGE_DEDUPE_SECONDS`: a password reset recorded less than this long ago makes another
   * ConfirmForgotPassword event count as a duplicate delivery of it.
   */
  passwordChangeDedupeSeconds: number;
}

/**
 * Reads the postConfirmation settings; throws naming the variable that is missing or malformed. The branding
 * variables (`PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`) are required only when `EMAIL_FROM` switches emails on.
 */
export function loadPostConfirmationConfig(env: Env): PostConfirmationConfig {
  const read = envReader(env);
  return {
    ...readOnboardingSettings(read),
    userProfilesTable: read.string('USER_PROFILES_TABLE'),
    passwordChangedNotice: read.boolean('PASSWORD_CHANGED_NOTICE', true),
    passwordChangeDedupeSeconds: read.integer('PASSWORD_CHANGE_DEDUPE_SECONDS', 120, { min: 10, max: 3600 }),
  };
}
