import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { verify as verifyTotp } from 'cognito-local/lib/services/totp';
import { attributeValue, type User, type UserPool } from 'cognito-local/lib/services/userPoolService';
import { maskedDelivery } from '../actions/delivery';
import { invalidParameter, invalidSignInCode } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { requiredString } from '../client-call';
import type { ClientCall } from '../layer';
import type { TokenSource } from '../tokens';
import type { AuthAnswer } from './complete';

/** An MFA method as Cognito names it in `EnabledMfas`, `UserMFASettingList` and challenge names. */
export type MfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** Wrong codes an MFA session takes before it ends. */
const CODE_ATTEMPTS = 3;

/** The pool's MFA settings as SetUserPoolMfaConfig stores them in the local pool. */
export type MfaPool = UserPool & {
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  SmsMfaConfiguration?: { SmsAuthenticationMessage?: string };
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
};

/** How a sign-in that passed its second factor ends: PostAuthentication and the tokens. */
export type Completion = (
  call: ClientCall,
  user: User,
  options: { clientMetadata?: Record<string, string>; source?: TokenSource },
) => Promise<AuthAnswer>;

/** The MFA methods the pool offers, in Cognito's order. */
function poolMfaMethods(pool: MfaPool): MfaMethod[] {
  return [
    ...(pool.SmsMfaConfiguration !== undefined ? (['SMS_MFA'] as const) : []),
    ...(pool.SoftwareTokenMfaConfiguration?.Enabled === true ? (['SOFTWARE_TOKEN_MFA'] as const) : []),
    ...(pool.EmailMfaConfiguration !== undefined ? (['EMAIL_OTP'] as const) : []),
  ];
}

/** The methods the user turned on (SetUserMFAPreference, or legacy SMS `MFAOptions`) that the pool offers. */
function userMfaMethods(pool: MfaPool, user: User): MfaMethod[] {
  const chosen = new Set<string>(user.UserMFASettingList ?? []);
  if (chosen.size === 0 && (user.MFAOptions ?? []).some((option) => option.DeliveryMedium === 'SMS')) {
    chosen.add('SMS_MFA');
  }
  return poolMfaMethods(pool).filter((method) => chosen.has(method));
}

/** Whether a sign-in of `user` needs a second factor: MFA required, or optional and turned on by the user. */
export function needsSecondFactor(pool: MfaPool, user: User): boolean {
  if (pool.MfaConfiguration === 'ON') return true;
  return pool.MfaConfiguration === 'OPTIONAL' && userMfaMethods(pool, user).length > 0;
}

/** Opens an MFA session of `user` for `challengeName`. */
function mfaSession(
  call: ClientCall,
  user: User,
  challengeName: string,
  source: TokenSource,
  extra: Partial<ChallengeState> = {},
): string {
  return call.layer.sessions.start({
    clientId: call.client.ClientId,
    username: user.Username,
    userNotFound: false,
    challengeName,
    mfa: { source },
    ...extra,
  });
}

/** Sends a code by SMS or email (CustomMessage_Authentication, then the local mail) and asks for it. */
async function codeChallenge(
  call: ClientCall,
  user: User,
  method: 'SMS_MFA' | 'EMAIL_OTP',
  source: TokenSource,
  destination: string,
  settingUp?: 'EMAIL_OTP',
): Promise<AuthAnswer> {
  const code = call.layer.otp();
  const email = method === 'EMAIL_OTP';
  const delivery: DeliveryDetails = email
    ? { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: destination }
    : { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: destination };
  await call.layer.messages.deliver(
    call.ctx,
    'Authentication',
    call.client.ClientId,
    call.userPool.options.Id,
    user,
    code,
    undefined,
    delivery,
  );
  return {
    ChallengeName: method,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: delivery.DeliveryMedium,
      CODE_DELIVERY_DESTINATION: maskedDelivery(delivery).Destination ?? '',
    },
    Session: call.layer.sessions.start({
      clientId: call.client.ClientId,
      username: user.Username,
      userNotFound: false,
      challengeName: method,
      mfa: { source, ...(settingUp === undefined ? {} : { settingUp }) },
      otp: { code, failures: 0 },
    }),
  };
}

/** MFA_SETUP answered with an address: email MFA is set up by the code sent there. */
export function emailSetupChallenge(call: ClientCall, user: User, address: string, source: TokenSource) {
  return codeChallenge(call, user, 'EMAIL_OTP', source, address, 'EMAIL_OTP');
}

/** The challenge of one MFA method. */
async function methodChallenge(
  call: ClientCall,
  user: User,
  method: MfaMethod,
  source: TokenSource,
): Promise<AuthAnswer> {
  if (method === 'SOFTWARE_TOKEN_MFA') {
    const device = (user as User & { SoftwareTokenMfaConfiguration?: { FriendlyDeviceName?: string } })
      .SoftwareTokenMfaConfiguration?.FriendlyDeviceName;
    return {
      ChallengeName: method,
      ChallengeParameters: device === undefined ? {} : { FRIENDLY_DEVICE_NAME: device },
      Session: mfaSession(call, user, method, source),
    };
  }
  const attribute = method === 'EMAIL_OTP' ? 'email' : 'phone_number';
  const destination = attributeValue(attribute, user.Attributes);
  if (destination === undefined) throw invalidParameter(`${method} needs the user's ${attribute}.`);
  return codeChallenge(call, user, method, source, destination);
}

/**
 * The second factor after a proven first one, as Cognito asks for it: nothing when the pool's MFA is off (or
 * optional and the user has none), the preferred or only method the user turned on, SELECT_MFA_TYPE among several,
 * and with required MFA and no method yet SMS to the user's phone number when the pool sends SMS, else MFA_SETUP.
 * Codes by SMS and email go through the CustomMessage trigger (`CustomMessage_Authentication`) and the local mail.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export async function secondFactor(
  call: ClientCall,
  user: User,
  options: { clientMetadata?: Record<string, string>; source?: TokenSource },
  complete: Completion,
): Promise<AuthAnswer> {
  const pool = call.userPool.options as MfaPool;
  const source = options.source ?? 'Authentication';
  if (!needsSecondFactor(pool, user)) return complete(call, user, options);
  const methods = userMfaMethods(pool, user);
  const preferred = methods.find((method) => method === user.PreferredMfaSetting);
  if (preferred !== undefined || methods.length === 1) {
    return methodChallenge(call, user, preferred ?? (methods[0] as MfaMethod), source);
  }
  if (methods.length > 1) {
    return {
      ChallengeName: 'SELECT_MFA_TYPE',
      ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(methods) },
      Session: mfaSession(call, user, 'SELECT_MFA_TYPE', source, { availableChallenges: methods }),
    };
  }
  const offered = poolMfaMethods(pool);
  if (offered.includes('SMS_MFA') && attributeValue('phone_number', user.Attributes) !== undefined) {
    return methodChallenge(call, user, 'SMS_MFA', source);
  }
  return {
    ChallengeName: 'MFA_SETUP',
    ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(offered) },
    Session: mfaSession(call, user, 'MFA_SETUP', source, { availableChallenges: offered }),
  };
}

/** RespondToAuthChallenge with SELECT_MFA_TYPE: the chosen method's challenge. */
export async function answerMfaSelection(
  call: ClientCall,
  user: User,
  state: ChallengeState,
  responses: Record<string, unknown>,
): Promise<AuthAnswer> {
  const answer = requiredString(responses, 'ANSWER');
  if (!(state.availableChallenges ?? []).includes(answer)) {
    throw invalidParameter(`${answer} is not an MFA type the user can choose.`);
  }
  return methodChallenge(call, user, answer as MfaMethod, state.mfa?.source ?? 'Authentication');
}

/** The response field of each code challenge. */
const CODE_FIELDS: Readonly<Record<string, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
};

/**
 * RespondToAuthChallenge with an MFA code: the code sent (SMS_MFA, EMAIL_OTP) or the user's authenticator's
 * current one (SOFTWARE_TOKEN_MFA). A wrong code is `CodeMismatchException` and leaves the session open for
 * another try, up to three wrong answers; an email code that sets email MFA up (MFA_SETUP) turns it on.
 */
export async function answerMfaCode(
  call: ClientCall,
  sessionId: string,
  user: User,
  state: ChallengeState,
  responses: Record<string, unknown>,
): Promise<User> {
  const code = requiredString(responses, CODE_FIELDS[state.challengeName] ?? '');
  const secret = (user as User & { SoftwareTokenMfaConfiguration?: { Secret?: string; Verified?: boolean } })
    .SoftwareTokenMfaConfiguration;
  const right =
    state.challengeName === 'SOFTWARE_TOKEN_MFA'
      ? secret?.Verified === true && secret.Secret !== undefined && verifyTotp(secret.Secret, code)
      : state.otp !== undefined && code === state.otp.code;
  if (!right) {
    const failures = (state.otp?.failures ?? 0) + 1;
    if (failures < CODE_ATTEMPTS) {
      call.layer.sessions.restore(sessionId, { ...state, otp: { code: state.otp?.code ?? '', failures } });
    }
    throw invalidSignInCode();
  }
  if (state.mfa?.settingUp !== 'EMAIL_OTP') return user;
  const enabled = { ...user, UserMFASettingList: [...new Set([...(user.UserMFASettingList ?? []), 'EMAIL_OTP'])] };
  await call.userPool.saveUser(call.ctx, enabled);
  return enabled;
}
