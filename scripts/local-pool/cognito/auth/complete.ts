import type { InitiateAuthResponse } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import type { User } from 'cognito-local/lib/services/userPoolService';
import { passwordResetRequired, userNotConfirmed } from '../aws-errors';
import type { ClientCall } from '../layer';
import type { TokenSource } from '../tokens';
import { secondFactor } from './mfa';

/** The answer of InitiateAuth and RespondToAuthChallenge: tokens, or the next challenge. */
export type AuthAnswer = InitiateAuthResponse & { AvailableChallenges?: string[] };

/**
 * Ends a successful sign-in as Cognito does: PostAuthentication (its failure fails the sign-in, as
 * `PostAuthentication failed with error …`), then the tokens, through PreTokenGeneration. The tokens carry the
 * groups and attributes the user had before PostAuthentication ran: AWS describes what that trigger changes as
 * "reflected on the next sign-in". `clientMetadata` is RespondToAuthChallenge's; InitiateAuth passes none to these
 * triggers.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html
 */
export async function completeSignIn(
  call: ClientCall,
  user: User,
  { clientMetadata, source = 'Authentication' }: { clientMetadata?: Record<string, string>; source?: TokenSource } = {},
): Promise<AuthAnswer> {
  const { ctx, layer, userPool, client } = call;
  const groups = await userPool.listUserGroupMembership(ctx, user);
  await layer.triggers.postAuthentication(ctx, {
    source: 'PostAuthentication_Authentication',
    userPoolId: userPool.options.Id,
    clientId: client.ClientId,
    username: user.Username,
    userAttributes: user.Attributes,
    clientMetadata,
  });
  const tokens = await layer.tokens.signIn(ctx, {
    userPool,
    client,
    user,
    groups,
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
    source,
  });
  return {
    ChallengeParameters: {},
    AuthenticationResult: {
      AccessToken: tokens.AccessToken,
      ExpiresIn: tokens.ExpiresIn,
      TokenType: tokens.TokenType,
      RefreshToken: tokens.RefreshToken,
      IdToken: tokens.IdToken,
    },
  };
}

/**
 * What follows a proven first factor: refusal of an unconfirmed user or one whose password must be reset, the
 * NEW_PASSWORD_REQUIRED challenge for an invited user's temporary password, else the second factor the pool's MFA
 * asks for (see `mfa.ts`) and the end of the sign-in. `secondFactor: false` ends it at once: passwordless first
 * factors and custom authentication, where Cognito asks for no MFA.
 */
export async function afterPassword(
  call: ClientCall,
  user: User,
  {
    secondFactor: withSecondFactor = true,
    ...options
  }: { clientMetadata?: Record<string, string>; secondFactor?: boolean } = {},
): Promise<AuthAnswer> {
  if (user.UserStatus === 'UNCONFIRMED') throw userNotConfirmed();
  if (user.UserStatus === 'RESET_REQUIRED') throw passwordResetRequired();
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    const { sub: _sub, ...attributes } = Object.fromEntries(user.Attributes.map(({ Name, Value }) => [Name, Value]));
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.Username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(attributes),
      },
      Session: call.layer.sessions.start({
        clientId: call.client.ClientId,
        username: user.Username,
        userNotFound: false,
        challengeName: 'NEW_PASSWORD_REQUIRED',
      }),
    };
  }
  return withSecondFactor ? secondFactor(call, user, options, completeSignIn) : completeSignIn(call, user, options);
}
