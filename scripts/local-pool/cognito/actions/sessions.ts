import type { Context } from 'cognito-local/lib/services/context';
import { awsError } from '../aws-errors';
import { assertFlowAllowed, clientCall, requiredString, stringMap } from '../client-call';
import { verifiedClaims } from '../jwt';
import type { Layer } from '../layer';

/**
 * GetTokensFromRefreshToken: new ID and access tokens of the refresh token's session, through PreTokenGeneration
 * (`TokenGeneration_RefreshTokens`, with the request's ClientMetadata).
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export async function getTokensFromRefreshToken(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const { userPool, client } = await clientCall(ctx, layer, request.ClientId);
  assertFlowAllowed(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
  const clientMetadata = stringMap(request.ClientMetadata);
  const result = await layer.tokens.refresh(ctx, {
    userPool,
    client,
    refreshToken: requiredString(request, 'RefreshToken'),
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
  });
  return { AuthenticationResult: result };
}

/**
 * GlobalSignOut: ends every session of the access token's user; their refresh tokens and access tokens are refused
 * from then on.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
 */
export async function globalSignOut(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<object> {
  const { userPool, user } = await layer.tokens.authorize(ctx, request.AccessToken);
  await layer.tokens.signOutEverywhere(ctx, userPool, user.Username);
  return {};
}

/** AdminUserGlobalSignOut: GlobalSignOut by an administrator, by pool and username. */
export async function adminUserGlobalSignOut(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const userPool = await layer.cognito.getUserPool(ctx, requiredString(request, 'UserPoolId'));
  await layer.tokens.signOutEverywhere(ctx, userPool, requiredString(request, 'Username'));
  return {};
}

/**
 * RevokeToken: ends the refresh token's session (its access tokens with it). An access or ID token is refused as
 * the wrong kind; an unknown refresh token is not an error.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
 */
export async function revokeToken(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<object> {
  const { userPool, client } = await clientCall(ctx, layer, request.ClientId);
  const token = requiredString(request, 'Token');
  if (client.EnableTokenRevocation === false) {
    throw awsError('UnsupportedOperationException', 'Token revocation is not enabled for this app client.');
  }
  if (verifiedClaims(token) !== undefined) throw awsError('UnsupportedTokenTypeException', 'Unsupported token type.');
  await layer.tokens.revoke(ctx, userPool, client, token);
  return {};
}
