import { type Env, envReader } from '@shared/config';
import type { OnboardingConfig } from '@shared/onboarding/onboarding';
import { readOnboardingSettings } from '@shared/onboarding/settings';

/** Settings of the postAuthentication function, read from its environment (see serverless.yml). */
export interface PostAuthenticationConfig extends OnboardingConfig {
  /** `USER_PROFILES_TABLE`: the DynamoDB table of user profiles, keyed by `sub`. */
  userProfilesTable: string;
  /** `RECORD_LAST_SIGN_IN`: whether every sign-in sets `lastSignInAt` on the profile (one write per sign-in). */
  recordLastSignIn: boolean;
}

/**
 * Reads the postAuthentication settings; throws naming the variable that is missing or malformed. The branding
 * variables (`PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`) are required only when `EMAIL_FROM` switches emails on.
 */
export function loadPostAuthenticationConfig(env: Env): PostAuthenticationConfig {
  const read = envReader(env);
  return {
    ...readOnboardingSettings(read),
    userProfilesTable: read.string('USER_PROFILES_TABLE'),
    recordLastSignIn: read.boolean('RECORD_LAST_SIGN_IN', false),
  };
}
