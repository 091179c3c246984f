import type { Context } from 'cognito-local/lib/services/context';
import { generateSecret, verify as verifyTotp } from 'cognito-local/lib/services/totp';
import type { User } from 'cognito-local/lib/services/userPoolService';
import { Targets } from 'cognito-local/lib/targets/targets';
import { incorrectCredentials, invalidParameter, invalidSignInCode } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { clientCall, requiredString } from '../client-call';
import type { ClientCall, Layer } from '../layer';
import type { AuthAnswer } from './complete';
import { emailSetupChallenge } from './mfa';
import { findUser } from './users';

type TotpUser = User & {
  SoftwareTokenMfaConfiguration?: { Secret?: string; Verified?: boolean; FriendlyDeviceName?: string };
};

/** The MFA_SETUP session of a sign-in and its user and client. */
async function setupSession(ctx: Context, layer: Layer, session: unknown) {
  const state = layer.sessions.take(session, undefined);
  if (state.challengeName !== 'MFA_SETUP') throw incorrectCredentials();
  const call = await clientCall(ctx, layer, state.clientId);
  const user = (await findUser(call, state.username)) as TotpUser | null;
  if (user === null) throw incorrectCredentials();
  return { state, call, user };
}

/** Opens the next MFA_SETUP session of the same sign-in. */
function nextSetupSession(call: ClientCall, state: ChallengeState, changes: Partial<ChallengeState> = {}): string {
  const { expiresAt: _expiresAt, ...kept } = { ...state, ...changes };
  return call.layer.sessions.start(kept);
}

/**
 * AssociateSoftwareToken: with an access token, cognito-local's; with the Session of an MFA_SETUP challenge, a new
 * authenticator secret for the signing-in user and the session to verify it with.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 */
export async function associateSoftwareToken(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  if (request.AccessToken !== undefined) return Targets.AssociateSoftwareToken(layer.services)(ctx, request as never);
  const { state, call, user } = await setupSession(ctx, layer, requiredString(request, 'Session'));
  const secret = generateSecret();
  await call.userPool.saveUser(ctx, {
    ...user,
    SoftwareTokenMfaConfiguration: { Secret: secret, Verified: false },
  } as User);
  return { SecretCode: secret, Session: nextSetupSession(call, state) };
}

/**
 * VerifySoftwareToken: with an access token, cognito-local's; with the Session of an MFA_SETUP challenge, checks the
 * authenticator's code, turns TOTP MFA on for the user and returns the session that completes MFA_SETUP.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
 */
export async function verifySoftwareToken(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  if (request.AccessToken !== undefined) return Targets.VerifySoftwareToken(layer.services)(ctx, request as never);
  const code = requiredString(request, 'UserCode');
  const { state, call, user } = await setupSession(ctx, layer, requiredString(request, 'Session'));
  const secret = user.SoftwareTokenMfaConfiguration?.Secret;
  if (secret === undefined) throw invalidParameter('User has not associated a software token.');
  if (!verifyTotp(secret, code)) {
    call.layer.sessions.restore(String(request.Session), state);
    throw invalidSignInCode();
  }
  const friendlyName =
    typeof request.FriendlyDeviceName === 'string' ? { FriendlyDeviceName: request.FriendlyDeviceName } : {};
  await call.userPool.saveUser(ctx, {
    ...user,
    SoftwareTokenMfaConfiguration: { Secret: secret, Verified: true, ...friendlyName },
    UserMFASettingList: [...new Set([...(user.UserMFASettingList ?? []), 'SOFTWARE_TOKEN_MFA'])],
  } as User);
  return {
    Status: 'SUCCESS',
    Session: nextSetupSession(call, state, {
      mfa: { source: state.mfa?.source ?? 'Authentication', totpVerified: true },
    }),
  };
}

/**
 * RespondToAuthChallenge with MFA_SETUP: after VerifySoftwareToken, the end of the sign-in; with `EMAIL`, where email
 * MFA is offered, a code sent to that address, whose right answer turns email MFA on.
 */
export async function answerMfaSetup(
  call: ClientCall,
  user: User,
  state: ChallengeState,
  responses: Record<string, unknown>,
): Promise<'done' | AuthAnswer> {
  if (state.mfa?.totpVerified === true) return 'done';
  const email = responses.EMAIL;
  if (typeof email === 'string' && (state.availableChallenges ?? []).includes('EMAIL_OTP')) {
    return emailSetupChallenge(call, user, email, state.mfa?.source ?? 'Authentication');
  }
  throw invalidParameter('Set up an MFA method first: verify a software token, or answer with EMAIL.');
}
