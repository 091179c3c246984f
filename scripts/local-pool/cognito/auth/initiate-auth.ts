import type { Context } from 'cognito-local/lib/services/context';
import { invalidParameter } from '../aws-errors';
import { assertFlowAllowed, clientCall, requiredString, stringMap } from '../client-call';
import type { ClientCall, Layer } from '../layer';
import type { AuthAnswer } from './complete';
import { startCustomAuth } from './custom-auth';
import { signInWithPassword } from './password';
import { clientA, passwordVerifierChallenge } from './password-verifier';
import { availableFirstFactors, beginFirstFactor, selectChallenge } from './user-auth';
import { beginSignIn, findUser } from './users';

/** The pool's sign-in policy (`Policies.SignInPolicy.AllowedFirstAuthFactors`), for USER_AUTH. */
function allowedFirstFactors(call: ClientCall): string[] | undefined {
  const policies = call.userPool.options.Policies as
    | { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } }
    | undefined;
  return policies?.SignInPolicy?.AllowedFirstAuthFactors;
}

/** USER_AUTH: the preferred first factor when the user has it, else SELECT_CHALLENGE with what is available. */
async function startUserAuth(
  call: ClientCall,
  parameters: Record<string, string>,
  validationData: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  const username = requiredString(parameters, 'USERNAME');
  const subject = await beginSignIn(call, username, await findUser(call, username), validationData);
  const available = availableFirstFactors(allowedFirstFactors(call), subject.user, call.userPool.options);
  const preferred = parameters.PREFERRED_CHALLENGE;
  if (preferred !== undefined && available.includes(preferred)) {
    return beginFirstFactor(call, subject, preferred, parameters, undefined);
  }
  return selectChallenge(call, subject, available);
}

/**
 * InitiateAuth as Cognito answers it: USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH (and its alias
 * REFRESH_TOKEN), CUSTOM_AUTH and USER_AUTH, each only when the app client allows it. `ClientMetadata` goes to
 * PreAuthentication and UserMigration (as `validationData`) and to no other trigger.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 */
export async function initiateAuth(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<object> {
  const call = await clientCall(ctx, layer, request.ClientId);
  const parameters = stringMap(request.AuthParameters) ?? {};
  const metadata = stringMap(request.ClientMetadata);
  const flow = request.AuthFlow;
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      assertFlowAllowed(call.client, 'ALLOW_USER_PASSWORD_AUTH', flow);
      return signInWithPassword(call, requiredString(parameters, 'USERNAME'), requiredString(parameters, 'PASSWORD'), {
        ...(metadata === undefined ? {} : { validationData: metadata }),
      });
    case 'USER_SRP_AUTH': {
      assertFlowAllowed(call.client, 'ALLOW_USER_SRP_AUTH', flow);
      const username = requiredString(parameters, 'USERNAME');
      const A = clientA(parameters);
      const subject = await beginSignIn(call, username, await findUser(call, username), metadata);
      return passwordVerifierChallenge(call, subject, A, { withSession: false });
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      assertFlowAllowed(call.client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
      const result = await layer.tokens.refresh(ctx, {
        userPool: call.userPool,
        client: call.client,
        refreshToken: requiredString(parameters, 'REFRESH_TOKEN'),
      });
      return { ChallengeParameters: {}, AuthenticationResult: result };
    }
    case 'CUSTOM_AUTH': {
      assertFlowAllowed(call.client, 'ALLOW_CUSTOM_AUTH', flow);
      const srpA = parameters.CHALLENGE_NAME === 'SRP_A' ? clientA(parameters) : undefined;
      return startCustomAuth(call, parameters, metadata, srpA);
    }
    case 'USER_AUTH':
      assertFlowAllowed(call.client, 'ALLOW_USER_AUTH', flow);
      return startUserAuth(call, parameters, metadata);
    default:
      throw invalidParameter('Initiate Auth method not supported.');
  }
}
