import { type Branding, readBranding } from '@shared/branding';
import { type CommonConfig, type Env, type EnvReader, envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';
import { readSender } from '@shared/mailer';

/** What the postConfirmation emails need; present only when `EMAIL_FROM` is set. */
export interface EmailSettings {
  /** `EMAIL_FROM`, the SES `Source`: an address, or `Display Name <address>` in printable ASCII. */
  emailFrom: string;
  /** Product name, support address (also the Reply-To) and app URL shown in the emails. */
  branding: Branding;
}

/** Settings of the postConfirmation function, read from its environment (see serverless.yml). */
export interface PostConfirmationConfig extends CommonConfig {
  /** `USER_PROFILES_TABLE`: the DynamoDB table of user profiles, keyed by `sub`. */
  userProfilesTable: string;
  /** `DEFAULT_GROUP`: the group every newly confirmed user joins (a comma list names several); none when empty. */
  defaultGroup: readonly string[];
  /** Email settings; `undefined` (emails off) when `EMAIL_FROM` is unset. */
  email: EmailSettings | undefined;
  /** `PASSWORD_CHANGED_NOTICE`: whether a security notice follows a password reset. */
  passwordChangedNotice: boolean;
  /**
   * `PASSWORD_CHANGE_DEDUPE_SECONDS`: a password reset recorded less than this long ago makes another
   * ConfirmForgotPassword event count as a duplicate delivery of it.
   */
  passwordChangeDedupeSeconds: number;
}

/** Cognito's group name rule: 1–128 letters, marks, symbols, digits or punctuation (no spaces). */
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

function readDefaultGroups(env: EnvReader): string[] {
  const groups = env.list('DEFAULT_GROUP');
  const invalid = groups.find((group) => !GROUP_NAME.test(group));
  if (invalid !== undefined) {
    throw new ConfigError(
      `DEFAULT_GROUP must list Cognito group names (no spaces, at most 128 characters), got "${invalid}".`,
    );
  }
  return groups;
}

function readEmailSettings(env: EnvReader): EmailSettings | undefined {
  if (env.string('EMAIL_FROM', '') === '') return undefined;
  return { emailFrom: readSender(env), branding: readBranding(env) };
}

/**
 * Reads the postConfirmation settings; throws naming the variable that is missing or malformed. The branding
 * variables (`PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`) are required only when `EMAIL_FROM` switches emails on.
 */
export function loadPostConfirmationConfig(env: Env): PostConfirmationConfig {
  const read = envReader(env);
  return {
    ...readCommonConfig(read),
    userProfilesTable: read.string('USER_PROFILES_TABLE'),
    defaultGroup: readDefaultGroups(read),
    email: readEmailSettings(read),
    passwordChangedNotice: read.boolean('PASSWORD_CHANGED_NOTICE', true),
    passwordChangeDedupeSeconds: read.integer('PASSWORD_CHANGE_DEDUPE_SECONDS', 120, { min: 10, max: 3600 }),
  };
}
