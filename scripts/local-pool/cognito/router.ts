import { UnsupportedError } from 'cognito-local/lib/errors';
import type { Context } from 'cognito-local/lib/services/context';
import { isSupportedTarget } from 'cognito-local/lib/targets/Target';
import { Targets } from 'cognito-local/lib/targets/targets';
import { confirmSignUp, forgotPassword, resendConfirmationCode } from './actions/confirmation';
import {
  adminSetUserMfaPreference,
  getUserPoolMfaConfig,
  setUserMfaPreference,
  setUserPoolMfaConfig,
} from './actions/mfa-settings';
import { adminUserGlobalSignOut, getTokensFromRefreshToken, globalSignOut, revokeToken } from './actions/sessions';
import { signUp } from './actions/sign-up';
import { initiateAuth } from './auth/initiate-auth';
import { associateSoftwareToken, verifySoftwareToken } from './auth/mfa-setup';
import { respondToAuthChallenge } from './auth/respond-to-auth-challenge';
import { asCognitoWordsIt } from './aws-errors';
import type { Layer, LayerTarget } from './layer';
import { assertPasswordConforms } from './password-policy';
import { assertTokenClientMayWrite } from './write-attributes';

/** The API actions the layer answers itself; every other one goes to cognito-local. */
const LAYER_TARGETS: Readonly<Record<string, LayerTarget>> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  SignUp: signUp,
  ConfirmSignUp: confirmSignUp,
  ResendConfirmationCode: resendConfirmationCode,
  ForgotPassword: forgotPassword,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GlobalSignOut: globalSignOut,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  RevokeToken: revokeToken,
  AssociateSoftwareToken: associateSoftwareToken,
  VerifySoftwareToken: verifySoftwareToken,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  SetUserMFAPreference: setUserMfaPreference,
  AdminSetUserMFAPreference: adminSetUserMfaPreference,
};

/** Actions of cognito-local that set a password, and the field that holds it: the pool's policy applies to each. */
const NEW_PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  ConfirmForgotPassword: 'Password',
  ChangePassword: 'ProposedPassword',
  AdminSetUserPassword: 'Password',
};

/** Applies the pool's password policy to a cognito-local action that sets a password. */
async function checkNewPassword(
  ctx: Context,
  layer: Layer,
  target: string,
  request: Record<string, unknown>,
): Promise<void> {
  const field = NEW_PASSWORD_FIELDS[target];
  const password = field === undefined ? undefined : request[field];
  if (typeof password !== 'string') return;
  const userPool =
    typeof request.UserPoolId === 'string'
      ? await layer.cognito.getUserPool(ctx, request.UserPoolId)
      : typeof request.ClientId === 'string'
        ? await layer.cognito.getUserPoolForClientId(ctx, request.ClientId)
        : (await layer.tokens.authorize(ctx, request.AccessToken)).userPool;
  assertPasswordConforms(userPool.options.Policies?.PasswordPolicy, password);
}

/**
 * Answers one API action (`X-Amz-Target: AWSCognitoIdentityProviderService.<target>`): an `AccessToken` is checked
 * first as Cognito checks it (signature, expiry, revocation, user); the layer's own actions answer directly, the rest
 * are cognito-local's, with their errors worded as Cognito words them.
 */
export async function route(
  ctx: Context,
  layer: Layer,
  target: string,
  request: Record<string, unknown>,
): Promise<object> {
  if (request.AccessToken !== undefined) await layer.tokens.authorize(ctx, request.AccessToken);
  const own = LAYER_TARGETS[target];
  if (own !== undefined) return own(ctx, layer, request);
  if (!isSupportedTarget(target)) throw new UnsupportedError(`Unsupported x-amz-target header "${target}"`);
  await checkNewPassword(ctx, layer, target, request);
  if (target === 'UpdateUserAttributes') await assertTokenClientMayWrite(ctx, layer, request);
  try {
    return await Targets[target](layer.services)(ctx, request as never);
  } catch (error) {
    throw asCognitoWordsIt(error);
  }
}
