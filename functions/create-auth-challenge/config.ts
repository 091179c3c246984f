import { type Branding, readBranding } from '@shared/branding';
import { type CommonConfig, type Env, type EnvReader, envReader, readCommonConfig } from '@shared/config';
import {
  CUSTOM_AUTH_INTEGERS,
  type IntegerSetting,
  magicLinkPathProblem,
  readCustomAuthMethods,
  readMagicLinkKeyName,
} from '@shared/custom-auth/config';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import { ConfigError } from '@shared/errors';
import { readSender } from '@shared/mailer';

/** What the sign-in emails need: the sender, the branding, and where a magic link points. */
export interface SignInEmailSettings {
  /** `EMAIL_FROM`, the SES `Source`. */
  emailFrom: string;
  branding: Branding;
  /** `MAGIC_LINK_PATH`: the app page a magic link opens, after `APP_URL`. */
  magicLinkPath: string;
}

/** Settings of the createAuthChallenge function, read from its environment (see serverless.yml). */
export interface CreateAuthChallengeConfig extends CommonConfig {
  /** `CUSTOM_AUTH_METHODS`: the passwordless methods switched on. */
  customAuthMethods: readonly SignInMethod[];
  /** `SIGN_IN_CHALLENGES_TABLE`: the table of sign-in codes and links. */
  signInChallengesTable: string;
  /** `SIGN_IN_CODE_LENGTH`: digits of a sign-in code. */
  signInCodeLength: number;
  /** `SIGN_IN_CODE_VALIDITY_SECONDS`: how long a code is accepted. */
  signInCodeValiditySeconds: number;
  /** `MAGIC_LINK_VALIDITY_SECONDS`: how long a magic link signs in. */
  magicLinkValiditySeconds: number;
  /** `SIGN_IN_EMAILS_PER_WINDOW`: sign-in emails one user may be sent per window. */
  signInEmailsPerWindow: number;
  /** `SIGN_IN_EMAIL_WINDOW_SECONDS`: that window. */
  signInEmailWindowSeconds: number;
  /** `MAGIC_LINK_KEY_NAME`: the secret whose value signs magic links. */
  magicLinkKeyName: string;
  /** The email settings; required as soon as a method is on. */
  email: SignInEmailSettings | undefined;
}

function readMagicLinkPath(env: EnvReader): string {
  const path = env.string('MAGIC_LINK_PATH', '/sign-in');
  const problem = magicLinkPathProblem(path);
  if (problem !== undefined) throw new ConfigError(`MAGIC_LINK_PATH ${problem}`);
  return path;
}

/** Reads the whole-number variable `name` of `setting`: its default when unset, refused outside its bounds. */
function readInteger(env: EnvReader, name: string, setting: IntegerSetting): number {
  return env.integer(name, setting.default, setting);
}

function readEmailSettings(env: EnvReader, methods: readonly SignInMethod[]): SignInEmailSettings | undefined {
  if (methods.length === 0) return undefined;
  return { emailFrom: readSender(env), branding: readBranding(env), magicLinkPath: readMagicLinkPath(env) };
}

/**
 * Reads the createAuthChallenge settings; throws naming the variable that is missing or malformed. The email
 * variables (`EMAIL_FROM`, `PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`, `MAGIC_LINK_PATH`) are required only when
 * `CUSTOM_AUTH_METHODS` switches a method on.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 */
export function loadCreateAuthChallengeConfig(env: Env): CreateAuthChallengeConfig {
  const read = envReader(env);
  const customAuthMethods = readCustomAuthMethods(read);
  return {
    ...readCommonConfig(read),
    customAuthMethods,
    signInChallengesTable: read.string('SIGN_IN_CHALLENGES_TABLE'),
    signInCodeLength: readInteger(read, 'SIGN_IN_CODE_LENGTH', CUSTOM_AUTH_INTEGERS.signInCodeLength),
    signInCodeValiditySeconds: readInteger(
      read,
      'SIGN_IN_CODE_VALIDITY_SECONDS',
      CUSTOM_AUTH_INTEGERS.signInCodeValiditySeconds,
    ),
    magicLinkValiditySeconds: readInteger(
      read,
      'MAGIC_LINK_VALIDITY_SECONDS',
      CUSTOM_AUTH_INTEGERS.magicLinkValiditySeconds,
    ),
    signInEmailsPerWindow: readInteger(read, 'SIGN_IN_EMAILS_PER_WINDOW', CUSTOM_AUTH_INTEGERS.signInEmailsPerWindow),
    signInEmailWindowSeconds: readInteger(
      read,
      'SIGN_IN_EMAIL_WINDOW_SECONDS',
      CUSTOM_AUTH_INTEGERS.signInEmailWindowSeconds,
    ),
    magicLinkKeyName: readMagicLinkKeyName(read),
    email: readEmailSettings(read, customAuthMethods),
  };
}
