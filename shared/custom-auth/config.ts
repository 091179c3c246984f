import type { EnvReader } from '../config';
import { ConfigError } from '../errors';
import { isSignInMethod, SIGN_IN_METHODS, type SignInMethod } from './sign-in-method';

/** What Secrets Manager accepts as a secret's name or ARN. */
const SECRET_ID = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
/** A URL path: starts with `/`, no query, fragment, spaces or quotes. */
const URL_PATH = /^\/[A-Za-z0-9\-._~/%!$&'()*+,;=:@]*$/;

/** A whole-number setting: its default and the values it accepts. */
export interface IntegerSetting {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The whole-number settings of passwordless sign-in, by stage parameter: the one place their defaults and bounds are
 * written. The parameter catalog (resources/parameters/flows.ts) declares them from here and createAuthChallenge's
 * config reader reads them with them, so `serverless package` refuses exactly what a cold start would.
 */
export const CUSTOM_AUTH_INTEGERS = {
  signInCodeLength: { default: 6, min: 6, max: 10 },
  signInCodeValiditySeconds: { default: 180, min: 60, max: 900 },
  magicLinkValiditySeconds: { default: 900, min: 60, max: 3600 },
  signInEmailsPerWindow: { default: 5, min: 1, max: 50 },
  signInEmailWindowSeconds: { default: 900, min: 60, max: 86_400 },
} as const satisfies Record<string, IntegerSetting>;

/** What is wrong with `path` as the magic link's path (`magicLinkPath`), or undefined when nothing is. */
export function magicLinkPathProblem(path: string): string | undefined {
  return URL_PATH.test(path)
    ? undefined
    : `must be a URL path starting with "/" and without "?" or "#", got "${path}".`;
}

/** What is wrong with `secret` as the magic-link key's secret (`magicLinkKeyName`), or undefined when nothing is. */
export function magicLinkKeyNameProblem(secret: string): string | undefined {
  return SECRET_ID.test(secret) ? undefined : `must be a Secrets Manager secret name or ARN, got "${secret}".`;
}

/** Reads `CUSTOM_AUTH_METHODS`: the sign-in methods switched on, none when unset. */
export function readCustomAuthMethods(env: EnvReader): readonly SignInMethod[] {
  const methods = env.list('CUSTOM_AUTH_METHODS');
  const unknown = methods.find((method) => !isSignInMethod(method));
  if (unknown !== undefined) {
    throw new ConfigError(`CUSTOM_AUTH_METHODS must list ${SIGN_IN_METHODS.join(', ')}, got "${unknown}".`);
  }
  return methods as SignInMethod[];
}

/** Reads `MAGIC_LINK_KEY_NAME`: the name or ARN of the secret whose value signs magic links. */
export function readMagicLinkKeyName(env: EnvReader): string {
  const secret = env.string('MAGIC_LINK_KEY_NAME');
  const problem = magicLinkKeyNameProblem(secret);
  if (problem !== undefined) throw new ConfigError(`MAGIC_LINK_KEY_NAME ${problem}`);
  return secret;
}
