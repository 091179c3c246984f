import type { Context } from 'cognito-local/lib/services/context';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService';
import type { MfaPool } from '../auth/mfa';
import { invalidParameter, userDoesNotExist } from '../aws-errors';
import { requiredString } from '../client-call';
import type { Layer } from '../layer';

/** The pool's MFA and passkey settings SetUserPoolMfaConfig sets and GetUserPoolMfaConfig shows. */
const MFA_CONFIG_FIELDS = [
  'MfaConfiguration',
  'SmsMfaConfiguration',
  'SoftwareTokenMfaConfiguration',
  'EmailMfaConfiguration',
  'WebAuthnConfiguration',
] as const;

function mfaConfigOf(pool: MfaPool): Record<string, unknown> {
  const options = pool as unknown as Record<string, unknown>;
  return Object.fromEntries(
    MFA_CONFIG_FIELDS.flatMap((field) => (options[field] === undefined ? [] : [[field, options[field]]])),
  );
}

/**
 * SetUserPoolMfaConfig: the pool's MFA (`MfaConfiguration`, SMS, TOTP and email MFA with its message) and passkey
 * settings, which the sign-in flows of the layer follow. A field the request leaves out keeps its value.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
 */
export async function setUserPoolMfaConfig(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const userPool = await layer.cognito.getUserPool(ctx, requiredString(request, 'UserPoolId'));
  const changes = Object.fromEntries(
    MFA_CONFIG_FIELDS.flatMap((field) => (request[field] === undefined ? [] : [[field, request[field]]])),
  );
  const options = { ...userPool.options, ...changes } as MfaPool;
  await userPool.updateOptions(ctx, options);
  return mfaConfigOf(options);
}

/** GetUserPoolMfaConfig: what SetUserPoolMfaConfig set. */
export async function getUserPoolMfaConfig(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const userPool = await layer.cognito.getUserPool(ctx, requiredString(request, 'UserPoolId'));
  return mfaConfigOf(userPool.options as MfaPool);
}

/** One method's settings in a preference request: `{ Enabled, PreferredMfa }`. */
type MethodSettings = { Enabled?: boolean; PreferredMfa?: boolean } | undefined;

/** The request fields of each MFA method. */
const PREFERENCE_FIELDS = {
  SMSMfaSettings: 'SMS_MFA',
  SoftwareTokenMfaSettings: 'SOFTWARE_TOKEN_MFA',
  EmailMfaSettings: 'EMAIL_OTP',
} as const;

/** Applies a preference request to `user`: methods turned on or off, and the preferred one. */
async function savePreference(ctx: Context, userPool: UserPoolService, user: User, request: Record<string, unknown>) {
  const methods = new Set(user.UserMFASettingList ?? []);
  let preferred = user.PreferredMfaSetting;
  for (const [field, method] of Object.entries(PREFERENCE_FIELDS)) {
    const settings = request[field] as MethodSettings;
    if (settings === undefined) continue;
    if (settings.Enabled === true) methods.add(method);
    if (settings.Enabled === false) methods.delete(method);
    if (settings.PreferredMfa === true) preferred = method;
    if (settings.PreferredMfa === false && preferred === method) preferred = undefined;
  }
  const totp = (user as User & { SoftwareTokenMfaConfiguration?: { Verified?: boolean } })
    .SoftwareTokenMfaConfiguration;
  if (methods.has('SOFTWARE_TOKEN_MFA') && totp?.Verified !== true) {
    throw invalidParameter('User has not verified software token mfa');
  }
  if (preferred !== undefined && !methods.has(preferred)) preferred = undefined;
  const updated: User = { ...user, UserMFASettingList: [...methods] };
  if (preferred === undefined) delete updated.PreferredMfaSetting;
  else updated.PreferredMfaSetting = preferred;
  await userPool.saveUser(ctx, updated);
  return {};
}

/**
 * SetUserMFAPreference: the signed-in user's MFA methods (SMS, TOTP, email) and preferred one.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
 */
export async function setUserMfaPreference(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const { userPool, user } = await layer.tokens.authorize(ctx, request.AccessToken);
  return savePreference(ctx, userPool, user, request);
}

/** AdminSetUserMFAPreference: SetUserMFAPreference by an administrator, by pool and username. */
export async function adminSetUserMfaPreference(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const userPool = await layer.cognito.getUserPool(ctx, requiredString(request, 'UserPoolId'));
  const user = await userPool.getUserByUsername(ctx, requiredString(request, 'Username'));
  if (user === null) throw userDoesNotExist();
  return savePreference(ctx, userPool, user, request);
}
