import { type Branding, readBranding } from '@shared/branding';
import { type CommonConfig, type EnvReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';
import { lazy } from '@shared/lazy';
import { readSender } from '@shared/mailer';

/** What the onboarding emails need; present only when `EMAIL_FROM` is set. */
export interface EmailSettings {
  /** `EMAIL_FROM`, the SES `Source`: an address, or `Display Name <address>` in printable ASCII. */
  emailFrom: string;
  /** Product name, support address (also the Reply-To) and app URL shown in the emails. */
  branding: Branding;
}

/**
 * How many failed sends of a due email are tried before it is parked for an operator. The wait between tries is
 * fixed, not a setting: `retryDelayMs` (1, 2, 4… minutes, at most an hour).
 */
export interface RetrySettings {
  /** `EMAIL_MAX_ATTEMPTS`: failed sends of one email, counting the trigger's own, after which it is parked. */
  emailMaxAttempts: number;
}

/**
 * Cognito's group name rule: 1–128 letters, marks, symbols, digits or punctuation (no spaces). Built on the first
 * name that is not plain ASCII: compiling its Unicode classes costs a cold start about 0.5 ms (BENCHMARKS.md).
 */
// biome-ignore lint/complexity/useRegexLiterals: a literal would be built when the module is evaluated (see above).
const groupName = lazy(() => new RegExp('^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}$', 'u'));
/** The same rule for names in printable ASCII, every one of whose characters but the space is in those classes. */
const ASCII_GROUP_NAME = /^[!-~]{1,128}$/;

/** Whether `name` is a Cognito group name. */
export function isGroupName(name: string): boolean {
  return ASCII_GROUP_NAME.test(name) || groupName().test(name);
}

/** Reads `DEFAULT_GROUP`: the groups every onboarded user joins (a comma list); none when empty. */
function readDefaultGroups(env: EnvReader): string[] {
  const groups = env.list('DEFAULT_GROUP');
  const invalid = groups.find((group) => !isGroupName(group));
  if (invalid !== undefined) {
    throw new ConfigError(
      `DEFAULT_GROUP must list Cognito group names (no spaces, at most 128 characters), got "${invalid}".`,
    );
  }
  return groups;
}

/**
 * Reads `EMAIL_FROM` and, when it is set, the branding variables (`PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`);
 * `undefined` (emails off) when it is unset.
 */
export function readEmailSettings(env: EnvReader): EmailSettings | undefined {
  if (env.string('EMAIL_FROM', '') === '') return undefined;
  return { emailFrom: readSender(env), branding: readBranding(env) };
}

/** Reads `EMAIL_MAX_ATTEMPTS` (1–20, 5 when unset). */
export function readRetrySettings(env: EnvReader): RetrySettings {
  return { emailMaxAttempts: env.integer('EMAIL_MAX_ATTEMPTS', 5, { min: 1, max: 20 }) };
}

/** The settings every function that onboards users reads (see `OnboardingConfig`). */
export interface OnboardingSettings extends CommonConfig {
  /** `DEFAULT_GROUP`: the groups every onboarded user joins; none when empty. */
  defaultGroup: readonly string[];
  /** Email settings; `undefined` (emails off) when `EMAIL_FROM` is unset. */
  email: EmailSettings | undefined;
  /** After how many failed sends an email is parked. */
  retry: RetrySettings;
}

/** Reads the common settings, `DEFAULT_GROUP`, the email settings and `EMAIL_MAX_ATTEMPTS`. */
export function readOnboardingSettings(env: EnvReader): OnboardingSettings {
  return {
    ...readCommonConfig(env),
    defaultGroup: readDefaultGroups(env),
    email: readEmailSettings(env),
    retry: readRetrySettings(env),
  };
}
