import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { attributeValue, type User } from 'cognito-local/lib/services/userPoolService';
import { maskedDelivery, maskedEmail } from '../actions/delivery';
import { incorrectCredentials, invalidSignInCode } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { requiredString } from '../client-call';
import type { ClientCall } from '../layer';
import { type AuthAnswer, afterPassword } from './complete';
import { type MfaPool, needsSecondFactor } from './mfa';
import { clientA, passwordVerifierChallenge } from './password-verifier';
import { findUser, type SignInSubject, samePassword } from './users';

/** Wrong sign-in code answers a session takes before it ends. */
const OTP_ATTEMPTS = 3;

/** The passwordless factors that send a code, the attribute it goes to and the answer that carries it. */
const CODE_FACTORS = {
  EMAIL_OTP: { attribute: 'email', medium: 'EMAIL', answer: 'EMAIL_OTP_CODE' },
  SMS_OTP: { attribute: 'phone_number', medium: 'SMS', answer: 'SMS_OTP_CODE' },
} as const;

type CodeFactor = keyof typeof CODE_FACTORS;

function isCodeFactor(factor: string): factor is CodeFactor {
  return Object.hasOwn(CODE_FACTORS, factor);
}

/**
 * The first factors a user may choose in USER_AUTH: those the pool allows (`Policies.SignInPolicy.
 * AllowedFirstAuthFactors`, PASSWORD when unset), PASSWORD standing for both PASSWORD and PASSWORD_SRP, EMAIL_OTP and
 * SMS_OTP only for a user with a verified address or phone number, and none of those for a user whose sign-ins need
 * MFA (Cognito offers passwordless factors only where no second factor follows). WEB_AUTHN is not offered: the local
 * pool has no passkey authenticator. An unknown user is offered what a known one would be.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 */
export function availableFirstFactors(
  allowed: readonly string[] | undefined,
  user: User | null,
  pool: MfaPool,
): string[] {
  const passwordlessAllowed = user === null || !needsSecondFactor(pool, user);
  return (allowed ?? ['PASSWORD']).flatMap((factor) => {
    if (factor === 'PASSWORD') return ['PASSWORD', 'PASSWORD_SRP'];
    if (!isCodeFactor(factor) || !passwordlessAllowed) return [];
    const { attribute } = CODE_FACTORS[factor];
    const reachable =
      user === null ||
      (attributeValue(attribute, user.Attributes) !== undefined &&
        attributeValue(`${attribute}_verified`, user.Attributes) === 'true');
    return reachable ? [factor] : [];
  });
}

/** Sends the sign-in code (CustomMessage_Authentication, then the local mail) and asks for it. */
async function signInCodeChallenge(call: ClientCall, subject: SignInSubject, factor: CodeFactor): Promise<AuthAnswer> {
  const { ctx, layer, userPool, client } = call;
  const { attribute, medium } = CODE_FACTORS[factor];
  const code = layer.otp();
  const destination =
    subject.user === null ? subject.username : (attributeValue(attribute, subject.user.Attributes) ?? '');
  const delivery = (
    factor === 'EMAIL_OTP'
      ? { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: destination }
      : { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: destination }
  ) as DeliveryDetails;
  if (subject.user !== null) {
    await layer.messages.deliver(
      ctx,
      'Authentication',
      client.ClientId,
      userPool.options.Id,
      subject.user,
      code,
      undefined,
      delivery,
    );
  }
  return {
    ChallengeName: factor,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: medium,
      CODE_DELIVERY_DESTINATION:
        factor === 'EMAIL_OTP' ? maskedEmail(destination) : (maskedDelivery(delivery).Destination ?? ''),
    },
    Session: layer.sessions.start({
      clientId: client.ClientId,
      username: subject.username,
      userNotFound: subject.userNotFound,
      challengeName: factor,
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
  if (isCodeFactor(factor)) return signInCodeChallenge(call, subject, factor);
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
 * RespondToAuthChallenge with EMAIL_OTP or SMS_OTP as the first factor: the right code signs in, with no second
 * factor after it; a wrong one is refused with `CodeMismatchException` and the session stays open for another try,
 * up to three wrong answers.
 */
export async function answerSignInCode(
  call: ClientCall,
  sessionId: string,
  state: ChallengeState,
  responses: Record<string, unknown> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const factor = state.challengeName as CodeFactor;
  const code = requiredString(responses, CODE_FACTORS[factor].answer);
  const user = state.userNotFound ? null : await findUser(call, state.username);
  if (user === null || state.otp === undefined || code !== state.otp.code) {
    const failures = (state.otp?.failures ?? 0) + 1;
    if (failures < OTP_ATTEMPTS && state.otp !== undefined) {
      call.layer.sessions.restore(sessionId, { ...state, otp: { ...state.otp, failures } });
    }
    throw invalidSignInCode();
  }
  return afterPassword(call, user, {
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
    secondFactor: false,
  });
}
