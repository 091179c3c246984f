import { attributesToRecord } from 'cognito-local/lib/services/userPoolService';
import { incorrectCredentials, invalidParameter, unrecognizableLambdaOutput } from '../aws-errors';
import type { ChallengeState } from '../challenge-sessions';
import { requiredString } from '../client-call';
import type { ClientCall } from '../layer';
import type { ChallengeResult } from '../trigger-events';
import { type AuthAnswer, afterPassword } from './complete';
import { passwordVerifierChallenge } from './password-verifier';
import { beginSignIn, findUser } from './users';

/** A custom flow between two rounds: who signs in and the rounds so far. */
interface CustomFlow {
  username: string;
  userNotFound: boolean;
  session: ChallengeResult[];
  /** The client's SRP_A, when the flow began with SRP (CHALLENGE_NAME SRP_A). */
  srpA?: bigint;
}

/** The request of a challenge trigger about the flow's user. */
async function challengeRequest(
  call: ClientCall,
  flow: CustomFlow,
  clientMetadata: Record<string, string> | undefined,
) {
  const user = flow.userNotFound ? null : await findUser(call, flow.username);
  return {
    // Cognito adds the user's status to the attributes of the challenge triggers' events.
    userAttributes:
      user === null
        ? {}
        : { ...attributesToRecord(user.Attributes), 'cognito:user_status': user.UserStatus ?? 'CONFIRMED' },
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
    ...(flow.userNotFound || user === null ? { userNotFound: true } : {}),
  };
}

/**
 * One round of Cognito's custom authentication loop: DefineAuthChallenge decides on the session so far — tokens,
 * failure, or the next challenge — and for CUSTOM_CHALLENGE, CreateAuthChallenge makes it; its public parameters go
 * to the client (with USERNAME), the private ones stay in the session for VerifyAuthChallengeResponse. Tokens are
 * never issued for an unknown user, whatever Define says.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
 */
async function nextRound(
  call: ClientCall,
  flow: CustomFlow,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const { ctx, layer, userPool, client } = call;
  const subject = { userPoolId: userPool.options.Id, userName: flow.username, clientId: client.ClientId };
  const request = await challengeRequest(call, flow, clientMetadata);
  const decision = await layer.triggers.defineAuthChallenge(ctx, subject, { ...request, session: flow.session });
  if (decision.failAuthentication === true) throw incorrectCredentials();
  if (decision.issueTokens === true) {
    const user = flow.userNotFound ? null : await findUser(call, flow.username);
    if (user === null) throw incorrectCredentials();
    // Custom authentication asks for no MFA of its own: Define decides every round.
    return afterPassword(call, user, {
      ...(clientMetadata === undefined ? {} : { clientMetadata }),
      secondFactor: false,
    });
  }
  if (decision.challengeName === 'PASSWORD_VERIFIER' && flow.srpA !== undefined) {
    const user = flow.userNotFound ? null : await findUser(call, flow.username);
    return passwordVerifierChallenge(
      call,
      { user, username: flow.username, userNotFound: flow.userNotFound },
      flow.srpA,
      { withSession: true, custom: { session: flow.session, privateChallengeParameters: {} } },
    );
  }
  if (decision.challengeName !== 'CUSTOM_CHALLENGE') throw unrecognizableLambdaOutput();
  const created = await layer.triggers.createAuthChallenge(ctx, subject, {
    ...request,
    challengeName: 'CUSTOM_CHALLENGE',
    session: flow.session,
  });
  const session = layer.sessions.start({
    clientId: client.ClientId,
    username: flow.username,
    userNotFound: flow.userNotFound,
    challengeName: 'CUSTOM_CHALLENGE',
    custom: {
      session: flow.session,
      privateChallengeParameters: created.privateChallengeParameters ?? {},
      ...(typeof created.challengeMetadata === 'string' ? { challengeMetadata: created.challengeMetadata } : {}),
    },
  });
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    ChallengeParameters: { ...(created.publicChallengeParameters ?? {}), USERNAME: flow.username },
    Session: session,
  };
}

/**
 * InitiateAuth with CUSTOM_AUTH: PreAuthentication, then the loop from an empty session — or, with
 * `CHALLENGE_NAME: SRP_A` and `SRP_A`, from a session whose first round is SRP_A. InitiateAuth's ClientMetadata
 * reaches PreAuthentication only, never the challenge triggers.
 */
export async function startCustomAuth(
  call: ClientCall,
  parameters: Record<string, string>,
  validationData: Record<string, string> | undefined,
  srpA: bigint | undefined,
): Promise<AuthAnswer> {
  if (!(await call.layer.triggers.configured(call.ctx, call.userPool.options.Id, 'DefineAuthChallenge'))) {
    throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  }
  const username = requiredString(parameters, 'USERNAME');
  const subject = await beginSignIn(call, username, await findUser(call, username), validationData);
  const session: ChallengeResult[] = srpA === undefined ? [] : [{ challengeName: 'SRP_A', challengeResult: true }];
  return nextRound(
    call,
    {
      username: subject.username,
      userNotFound: subject.userNotFound,
      session,
      ...(srpA === undefined ? {} : { srpA }),
    },
    undefined,
  );
}

/** RespondToAuthChallenge with CUSTOM_CHALLENGE: VerifyAuthChallengeResponse judges ANSWER, then the next round. */
export async function answerCustomChallenge(
  call: ClientCall,
  state: ChallengeState,
  responses: Record<string, unknown> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const answer = requiredString(responses, 'ANSWER');
  const custom = state.custom ?? { session: [], privateChallengeParameters: {} };
  const flow: CustomFlow = { username: state.username, userNotFound: state.userNotFound, session: custom.session };
  const verdict = await call.layer.triggers.verifyAuthChallengeResponse(
    call.ctx,
    { userPoolId: call.userPool.options.Id, userName: state.username, clientId: call.client.ClientId },
    {
      ...(await challengeRequest(call, flow, clientMetadata)),
      privateChallengeParameters: custom.privateChallengeParameters,
      challengeAnswer: answer,
    },
  );
  const round: ChallengeResult = {
    challengeName: 'CUSTOM_CHALLENGE',
    challengeResult: verdict.answerCorrect === true && !state.userNotFound,
    ...(custom.challengeMetadata === undefined ? {} : { challengeMetadata: custom.challengeMetadata }),
  };
  return nextRound(call, { ...flow, session: [...custom.session, round] }, clientMetadata);
}

/** RespondToAuthChallenge with PASSWORD_VERIFIER inside a custom flow: the proven password is a round, then the next. */
export async function continueAfterPasswordVerifier(
  call: ClientCall,
  state: ChallengeState,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const session = [...(state.custom?.session ?? []), { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }];
  return nextRound(call, { username: state.username, userNotFound: state.userNotFound, session }, clientMetadata);
}
