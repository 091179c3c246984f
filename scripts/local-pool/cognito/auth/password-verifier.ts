import { randomBytes } from 'node:crypto';
import { incorrectCredentials, invalidParameter } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { requiredString } from '../client-call';
import type { ClientCall } from '../layer';
import { isValidA, padHex, parseSrpHex, serverChallenge, verifyPasswordClaim } from '../srp';
import type { AuthAnswer } from './complete';
import type { SignInSubject } from './users';

/** The pool name part SRP hashes: the pool id after its region (`us-east-1_AbC123` → `AbC123`). */
function srpPoolName(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

/** The client's SRP_A, or the Cognito error for a missing or unusable one. */
export function clientA(parameters: Record<string, unknown> | undefined): bigint {
  const A = parseSrpHex(requiredString(parameters, 'SRP_A'));
  if (A === undefined || !isValidA(A)) throw invalidParameter('SRP_A is not a valid SRP value');
  return A;
}

/**
 * Answers SRP_A with the PASSWORD_VERIFIER challenge: SALT, SRP_B, SECRET_BLOCK and USER_ID_FOR_SRP. The secret
 * block is the session's key. An unknown user (hidden by the client) gets a challenge made from a random password,
 * so it fails only at the answer, like a wrong password. `withSession` returns it as `Session` too (USER_AUTH,
 * CUSTOM_AUTH); USER_SRP_AUTH answers without one.
 */
export function passwordVerifierChallenge(
  call: ClientCall,
  subject: SignInSubject,
  A: bigint,
  { withSession, custom }: { withSession: boolean; custom?: ChallengeState['custom'] },
): AuthAnswer {
  const userId = subject.username;
  const password = subject.user?.Password ?? randomBytes(32).toString('hex');
  const challenge = serverChallenge(srpPoolName(call.userPool.options.Id), userId, password);
  const secretBlock = call.layer.sessions.start({
    clientId: call.client.ClientId,
    username: userId,
    userNotFound: subject.userNotFound,
    challengeName: 'PASSWORD_VERIFIER',
    srp: { challenge, A },
    ...(custom === undefined ? {} : { custom }),
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: challenge.saltHex,
      SRP_B: padHex(challenge.B),
      SECRET_BLOCK: secretBlock,
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
    ...(withSession ? { Session: secretBlock } : {}),
  };
}

/**
 * Checks the client's PASSWORD_CLAIM_SIGNATURE over the pool name, user id, secret block and TIMESTAMP.
 *
 * @throws NotAuthorizedException `Incorrect username or password.` for a wrong password or an unknown user
 */
export function checkPasswordClaim(
  call: ClientCall,
  state: ChallengeState,
  secretBlock: string,
  responses: Record<string, unknown> | undefined,
): void {
  const signature = requiredString(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = requiredString(responses, 'TIMESTAMP');
  if (state.srp === undefined) throw incorrectCredentials();
  const proven = verifyPasswordClaim(state.srp.challenge, state.srp.A, {
    poolName: srpPoolName(call.userPool.options.Id),
    userId: state.username,
    secretBlock,
    timestamp,
    signature,
  });
  if (!proven || state.userNotFound) throw incorrectCredentials();
}
