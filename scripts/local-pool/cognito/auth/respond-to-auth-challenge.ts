import type { Context } from 'cognito-local/lib/services/context';
import { attributesAppend } from 'cognito-local/lib/services/userPoolService';
import { incorrectCredentials, invalidParameter, invalidSession, missingParameter } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { clientCall, requiredString, stringMap } from '../client-call';
import type { ClientCall, Layer } from '../layer';
import { assertPasswordConforms } from '../password-policy';
import { type AuthAnswer, afterPassword, completeSignIn } from './complete';
import { answerCustomChallenge, continueAfterPasswordVerifier } from './custom-auth';
import { answerMfaCode, answerMfaSelection, secondFactor } from './mfa';
import { answerMfaSetup } from './mfa-setup';
import { checkPasswordClaim } from './password-verifier';
import { answerSignInCode, beginFirstFactor } from './user-auth';
import { findUser, samePassword } from './users';

/** The user of a session, who must still exist. */
async function sessionUser(call: ClientCall, username: string) {
  const user = await findUser(call, username);
  if (user === null) throw incorrectCredentials();
  return user;
}

/** NEW_PASSWORD_REQUIRED: the invited user's own password (and any attributes sent as `userAttributes.<name>`). */
async function answerNewPassword(
  call: ClientCall,
  username: string,
  responses: Record<string, unknown>,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const password = requiredString(responses, 'NEW_PASSWORD');
  assertPasswordConforms(call.userPool.options.Policies?.PasswordPolicy, password);
  const user = await sessionUser(call, username);
  const attributes = Object.entries(responses)
    .filter(([name, value]) => name.startsWith('userAttributes.') && typeof value === 'string')
    .map(([name, value]) => ({ Name: name.slice('userAttributes.'.length), Value: value as string }));
  const updated = {
    ...user,
    Password: password,
    UserStatus: 'CONFIRMED',
    Attributes: attributesAppend(user.Attributes, ...attributes),
    UserLastModifiedDate: new Date(),
  };
  await call.userPool.saveUser(call.ctx, updated);
  return secondFactor(
    call,
    updated,
    { ...(clientMetadata ? { clientMetadata } : {}), source: 'NewPasswordChallenge' },
    completeSignIn,
  );
}

/** RespondToAuthChallenge with a second factor: SELECT_MFA_TYPE, MFA_SETUP or a code; a right one signs in. */
async function answerSecondFactor(
  call: ClientCall,
  sessionId: string,
  state: ChallengeState,
  responses: Record<string, unknown>,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const user = await sessionUser(call, state.username);
  const end = { ...(clientMetadata ? { clientMetadata } : {}), source: state.mfa?.source ?? 'Authentication' };
  if (state.challengeName === 'SELECT_MFA_TYPE') return answerMfaSelection(call, user, state, responses);
  if (state.challengeName === 'MFA_SETUP') {
    const setup = await answerMfaSetup(call, user, state, responses);
    return setup === 'done' ? completeSignIn(call, user, end) : setup;
  }
  return completeSignIn(call, await answerMfaCode(call, sessionId, user, state, responses), end);
}

/**
 * RespondToAuthChallenge as Cognito answers it: PASSWORD_VERIFIER (SRP), CUSTOM_CHALLENGE (the challenge loop),
 * NEW_PASSWORD_REQUIRED, USER_AUTH's SELECT_CHALLENGE, PASSWORD, EMAIL_OTP and SMS_OTP, and the second factors
 * (SELECT_MFA_TYPE, MFA_SETUP, SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP); each answer must come with the session it
 * answers, once, in time. `ClientMetadata` reaches the challenge triggers, PostAuthentication and
 * PreTokenGeneration.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export async function respondToAuthChallenge(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const name = request.ChallengeName;
  const call = await clientCall(ctx, layer, request.ClientId);
  const responses = stringMap(request.ChallengeResponses);
  if (responses === undefined) throw missingParameter('ChallengeResponses');
  requiredString(responses, 'USERNAME');
  const metadata = stringMap(request.ClientMetadata);
  const sessionId =
    name === 'PASSWORD_VERIFIER' ? (request.Session ?? responses.PASSWORD_CLAIM_SECRET_BLOCK) : request.Session;
  const state = layer.sessions.take(sessionId, call.client.ClientId);
  if (state.challengeName !== name) throw invalidSession();
  const withMetadata = metadata === undefined ? {} : { clientMetadata: metadata };
  if (state.mfa !== undefined) return answerSecondFactor(call, String(sessionId), state, responses, metadata);
  switch (name) {
    case 'PASSWORD_VERIFIER': {
      checkPasswordClaim(call, state, requiredString(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'), responses);
      if (state.custom !== undefined) return continueAfterPasswordVerifier(call, state, metadata);
      return afterPassword(call, await sessionUser(call, state.username), withMetadata);
    }
    case 'CUSTOM_CHALLENGE':
      return answerCustomChallenge(call, state, responses, metadata);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(call, state.username, responses, metadata);
    case 'SELECT_CHALLENGE': {
      const answer = requiredString(responses, 'ANSWER');
      if (!(state.availableChallenges ?? []).includes(answer))
        throw invalidParameter(`${answer} is not an available challenge.`);
      const user = state.userNotFound ? null : await findUser(call, state.username);
      return beginFirstFactor(
        call,
        { user, username: state.username, userNotFound: user === null },
        answer,
        responses,
        metadata,
      );
    }
    case 'PASSWORD': {
      const user = state.userNotFound ? null : await findUser(call, state.username);
      if (user === null || !samePassword(requiredString(responses, 'PASSWORD'), user.Password))
        throw incorrectCredentials();
      return afterPassword(call, user, withMetadata);
    }
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return answerSignInCode(call, String(sessionId), state, responses, metadata);
    default:
      throw invalidSession();
  }
}
