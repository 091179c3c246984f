import { attributeValue, type User } from 'cognito-local/lib/services/userPoolService';
import { incorrectCredentials, invalidSignInCode } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { requiredString } from '../client-call';
import type { ClientCall } from '../layer';
import { type AuthAnswer, afterPassword } from './complete';
import { clientA, passwordVerifierChallenge } from './password-verifier';
import { findUser, type SignInSubject, samePassword } from './users';

/** Wrong EMAIL_OTP answers a session takes before it ends. */
const OTP_ATTEMPTS = 3;

/**
 * The first factors a user may choose in USER_AUTH: those the pool allows (`Policies.SignInPolicy.
 * AllowedFirstAuthFactors`, PASSWORD when unset), PASSWORD standing for both PASSWORD and PASSWORD_SRP, EMAIL_OTP
 * only for a user with an email address. An unknown user is offered what a known one would be.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 */
export function availableFirstFactors(allowed: readonly string[] | undefined, user: User | null): string[] {
  return (allowed ?? ['PASSWORD']).flatMap((factor) => {
    if (factor === 'PASSWORD') return ['PASSWORD', 'PASSWORD_SRP'];
    if (factor === 'EMAIL_OTP') return user === null || attributeValue('email', user.Attributes) ? ['EMAIL_OTP'] : [];
    return [];
  });
}

/** An address as Cognito shows where it sent a code: `j***@e***`. */
export function maskedEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/** Sends the EMAIL_OTP code (CustomMessage_Authentication, then the local mail) and asks for it. */
async function emailOtpChallenge(call: ClientCall, subject: SignInSubject): Promise<AuthAnswer> {
  const { ctx, layer, userPool, client } = call;
  const code = layer.otp();
  const email = subject.user === null ? subject.username : (attributeValue('email', subject.user.Attributes) ?? '');
  if (subject.user !== null) {
    await layer.messages.deliver(
      ctx,
      'Authentication',
      client.ClientId,
      userPool.options.Id,
      subject.user,
      code,
      undefined,
      {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: email,
      },
    );
  }
  return {
    ChallengeName: 'EMAIL_OTP',
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: maskedEmail(email) },
    Session: layer.sessions.start({
      clientId: client.ClientId,
      username: subject.username,
      userNotFound: subject.userNotFound,
      challengeName: 'EMAIL_OTP',
      otp: { code, failures: 0 },
    }),
  };
}

/**
 * Begins the first factor the client chose: PASSWORD (signs in at once when the password came along, else asks
 * for it), PASSWORD_SRP (answers SRP_A with PASSWORD_VERIFIER) or EMAIL_OTP (emails a code).
 */
export async function beginFirstFactor(
  call: ClientCall,
  subject: SignInSubject,
  factor: string,
  parameters: Record<string, unknown> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  if (factor === 'PASSWORD_SRP')
    return passwordVerifierChallenge(call, subject, clientA(parameters), { withSession: true });
  if (factor === 'EMAIL_OTP') return emailOtpChallenge(call, subject);
  const password = parameters?.PASSWORD;
  if (typeof password !== 'string') {
    return {
      ChallengeName: 'PASSWORD',
      ChallengeParameters: {},
      Session: call.layer.sessions.start({
        clientId: call.client.ClientId,
        username: subject.username,
        userNotFound: subject.userNotFound,
        challengeName: 'PASSWORD',
      }),
    };
  }
  if (subject.user === null || !samePassword(password, subject.user.Password)) throw incorrectCredentials();
  return afterPassword(call, subject.user, clientMetadata === undefined ? {} : { clientMetadata });
}

/** SELECT_CHALLENGE: the factors the user may choose, in a session. */
export function selectChallenge(call: ClientCall, subject: SignInSubject, available: string[]): AuthAnswer {
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    ChallengeParameters: {},
    AvailableChallenges: available,
    Session: call.layer.sessions.start({
      clientId: call.client.ClientId,
      username: subject.username,
      userNotFound: subject.userNotFound,
      challengeName: 'SELECT_CHALLENGE',
      availableChallenges: available,
    }),
  };
}

/**
 * RespondToAuthChallenge with EMAIL_OTP: the right EMAIL_OTP_CODE signs in; a wrong one is refused with
 * `CodeMismatchException` and the session stays open for another try, up to three wrong answers.
 */
export async function answerEmailOtp(
  call: ClientCall,
  sessionId: string,
  state: ChallengeState,
  responses: Record<string, unknown> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const code = requiredString(responses, 'EMAIL_OTP_CODE');
  const user = state.userNotFound ? null : await findUser(call, state.username);
  if (user === null || state.otp === undefined || code !== state.otp.code) {
    const failures = (state.otp?.failures ?? 0) + 1;
    if (failures < OTP_ATTEMPTS && state.otp !== undefined) {
      call.layer.sessions.restore(sessionId, { ...state, otp: { ...state.otp, failures } });
    }
    throw invalidSignInCode();
  }
  return afterPassword(call, user, clientMetadata === undefined ? {} : { clientMetadata });
}
