import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { Context } from 'cognito-local/lib/services/context';
import { awsError } from './aws-errors';
import type { Layer } from './layer';

/**
 * Refuses attributes the app client may not write (its `WriteAttributes`, when set), as Cognito refuses them in
 * SignUp and UpdateUserAttributes: `NotAuthorizedException: A client attempted to write unauthorized attribute`.
 * The administrators' actions (AdminCreateUser, AdminUpdateUserAttributes) are not bound by it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
 */
export function assertClientMayWrite(client: AppClient, attributes: unknown): void {
  const writable = client.WriteAttributes;
  if (writable === undefined || !Array.isArray(attributes)) return;
  const names = attributes.map((attribute: { Name?: unknown }) => String(attribute?.Name));
  if (names.some((name) => !writable.includes(name))) {
    throw awsError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  }
}

/** {@link assertClientMayWrite} for UpdateUserAttributes, whose client is the one its access token was issued to. */
export async function assertTokenClientMayWrite(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<void> {
  const { claims } = await layer.tokens.authorize(ctx, request.AccessToken);
  const client = await layer.cognito.getAppClient(ctx, String(claims.client_id));
  if (client !== null) assertClientMayWrite(client, request.UserAttributes);
}
