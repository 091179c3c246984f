import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { Context } from 'cognito-local/lib/services/context';
import { awsError, flowNotEnabled, incorrectCredentials, missingParameter, userDoesNotExist } from './aws-errors';
import type { ClientCall, Layer } from './layer';

/** The flows a client allows when its `ExplicitAuthFlows` is unset (CreateUserPoolClient's default). */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];

/** The legacy names of `ExplicitAuthFlows` values. */
const LEGACY_FLOW_NAMES: Record<string, string> = {
  ALLOW_USER_PASSWORD_AUTH: 'USER_PASSWORD_AUTH',
  ALLOW_CUSTOM_AUTH: 'CUSTOM_AUTH_FLOW_ONLY',
  ALLOW_ADMIN_USER_PASSWORD_AUTH: 'ADMIN_NO_SRP_AUTH',
};

/** The request's app client and its pool. */
export async function clientCall(ctx: Context, layer: Layer, clientId: unknown): Promise<ClientCall> {
  if (typeof clientId !== 'string' || clientId === '') throw missingParameter('ClientId');
  const client = await layer.cognito.getAppClient(ctx, clientId);
  if (client === null) throw awsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  const userPool = await layer.cognito.getUserPool(ctx, client.UserPoolId);
  return { ctx, layer, userPool, client };
}

/**
 * Whether the client hides whether a user exists: only when its `PreventUserExistenceErrors` is ENABLED. A client
 * created through the API without the setting is LEGACY, as on AWS (the console's default differs), so an app
 * client that hides existence must say so, as the project's clients do.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export function preventsExistenceErrors(client: AppClient): boolean {
  return client.PreventUserExistenceErrors === 'ENABLED';
}

/** The error for an unknown user: the one for a wrong password when the client hides existence. */
export function unknownUser(client: AppClient): Error {
  return preventsExistenceErrors(client) ? incorrectCredentials() : userDoesNotExist();
}

/**
 * Refuses a flow the client's `ExplicitAuthFlows` does not allow, with Cognito's message
 * (`USER_SRP_AUTH flow not enabled for this client`).
 */
export function assertFlowAllowed(client: AppClient, allowFlag: string, flowName: string): void {
  const flows = client.ExplicitAuthFlows ?? DEFAULT_FLOWS;
  const legacy = LEGACY_FLOW_NAMES[allowFlag];
  if (!flows.includes(allowFlag) && (legacy === undefined || !flows.includes(legacy))) throw flowNotEnabled(flowName);
}

/** A string parameter of a request map (AuthParameters, ChallengeResponses), or the Cognito error for a missing one. */
export function requiredString(parameters: Record<string, unknown> | undefined, name: string): string {
  const value = parameters?.[name];
  if (typeof value !== 'string' || value === '') throw missingParameter(name);
  return value;
}

/** A string map of the request (ClientMetadata, AuthParameters), or undefined. */
export function stringMap(value: unknown): Record<string, string> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, string>)
    : undefined;
}
