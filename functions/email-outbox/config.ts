import { type CommonConfig, type Env, envReader, readCommonConfig } from '@shared/config';
import {
  type EmailSettings,
  type RetrySettings,
  readEmailSettings,
  readRetrySettings,
} from '@shared/onboarding/settings';

/** Settings of the emailOutbox function, read from its environment (see serverless.yml). */
export interface EmailOutboxConfig extends CommonConfig {
  /** `USER_PROFILES_TABLE`: the DynamoDB table of user profiles, whose `outbox` index lists the due emails. */
  userProfilesTable: string;
  /** Email settings; `undefined` (nothing is sent) when `EMAIL_FROM` is unset. */
  email: EmailSettings | undefined;
  /** After how many failed sends an email is parked. */
  retry: RetrySettings;
}

/** Reads the emailOutbox settings; throws naming the variable that is missing or malformed. */
export function loadEmailOutboxConfig(env: Env): EmailOutboxConfig {
  const read = envReader(env);
  return {
    ...readCommonConfig(read),
    userProfilesTable: read.string('USER_PROFILES_TABLE'),
    email: readEmailSettings(read),
    retry: readRetrySettings(read),
  };
}
