import type { EnvReader } from '../config';
import { ConfigError } from '../errors';
import { isSignInMethod, SIGN_IN_METHODS, type SignInMethod } from './sign-in-method';

/** What Secrets Manager accepts as a secret's name or ARN. */
const SECRET_ID = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;

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
  if (!SECRET_ID.test(secret)) {
    throw new ConfigError(`MAGIC_LINK_KEY_NAME must be a Secrets Manager secret name or ARN, got "${secret}".`);
  }
  return secret;
}
