/**
 * The PreTokenGeneration event of every version, typed in one place. `@types/aws-lambda` lags behind Cognito here:
 * it types V2/V3 claim values as strings (Cognito takes any JSON), `preferredRole` as never `null` (Cognito sends
 * `null`), and splits the sources over three event types. This module describes what Cognito sends and takes.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
import type { BaseTriggerEvent, StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/** Why Cognito issues tokens to a user: managed login, a sign-in, a new password, a remembered device, a refresh. */
export type UserTokenSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens';

/** A machine-to-machine access token (the `client_credentials` grant), sent to V3_0 triggers only. */
export type MachineTokenSource = 'TokenGeneration_ClientCredentials';

/** Every PreTokenGeneration trigger source. */
export type TokenGenerationSource = UserTokenSource | MachineTokenSource;

/** A claim value Cognito accepts from V2_0 and V3_0: a string, number, boolean, array of those, or JSON object. */
export type ClaimValue = string | number | boolean | ClaimValue[] | { [name: string]: ClaimValue };

/** A token's claims to add or override, and to suppress. */
export interface ClaimChanges {
  claimsToAddOrOverride?: Record<string, ClaimValue> | null;
  claimsToSuppress?: string[] | null;
}

/** The access token's claims and scopes to change. */
export interface AccessTokenChanges extends ClaimChanges {
  scopesToAdd?: string[] | null;
  scopesToSuppress?: string[] | null;
}

/** The groups and IAM roles of the user, as the request carries them and a response may override them. */
export interface GroupConfiguration {
  groupsToOverride?: string[] | null;
  iamRolesToOverride?: string[] | null;
  preferredRole?: string | null;
}

/** The V2_0 and V3_0 response: both tokens' changes, and the groups. */
export interface ClaimsAndScopeOverrideDetails {
  idTokenGeneration?: ClaimChanges | null;
  accessTokenGeneration?: AccessTokenChanges | null;
  groupOverrideDetails?: GroupConfiguration | null;
}

/** The V1_0 response: the ID token's claims (string values only), and the groups. */
export interface ClaimsOverrideDetails {
  claimsToAddOrOverride?: StringMap | null;
  claimsToSuppress?: string[] | null;
  groupOverrideDetails?: GroupConfiguration | null;
}

/** The event of one trigger source. */
export interface PreTokenGenerationEventOf<S extends TokenGenerationSource> extends BaseTriggerEvent<S> {
  /** `"1"` (V1_0), `"2"` (V2_0) or `"3"` (V3_0): the pool's `PreTokenGenerationConfig.LambdaVersion`. */
  version: string;
  request: {
    /** The user's attributes; empty for a machine token. */
    userAttributes?: StringMap | null;
    groupConfiguration?: GroupConfiguration | null;
    /** The access token's scopes (V2_0 and V3_0). */
    scopes?: string[] | null;
    clientMetadata?: StringMap | null;
  };
  response: {
    claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails | null;
    claimsOverrideDetails?: ClaimsOverrideDetails | null;
  };
}

/** A PreTokenGeneration event of any source and version, typed precisely by its `triggerSource`. */
export type PreTokenGenerationEvent = {
  [S in TokenGenerationSource]: PreTokenGenerationEventOf<S>;
}[TokenGenerationSource];

/** The user token sources, in the order the docs list them. */
export const USER_TOKEN_SOURCES: readonly UserTokenSource[] = [
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
];

/** Whether `event` asks for a V1_0 answer: `claimsOverrideDetails`, ID token only. */
export function isVersionOne(event: PreTokenGenerationEvent): boolean {
  return event.version === '1';
}

/**
 * The app client the tokens are for. The event guard does not check `callerContext` (no other trigger reads it),
 * so a malformed event gives `""`, which matches only the `*` entries of the per-client settings.
 */
export function clientIdOf(event: PreTokenGenerationEvent): string {
  const clientId = (event.callerContext as { clientId?: unknown } | undefined)?.clientId;
  return typeof clientId === 'string' ? clientId : '';
}
