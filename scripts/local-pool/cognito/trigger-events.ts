/*
 * The requests and responses of the triggers the local pool's layer invokes, in the shapes Cognito gives and takes.
 */

/** Who an event is about: the pool, the user's name in it and the app client (null for administrator calls). */
export interface EventSubject {
  userPoolId: string;
  userName: string | null;
  clientId: string | null;
}

/** One round of a custom authentication flow, as DefineAuthChallenge and CreateAuthChallenge receive it. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string;
}

/** DefineAuthChallenge's decision. */
export interface DefineAuthChallengeResponse {
  challengeName?: string | null;
  issueTokens?: boolean | null;
  failAuthentication?: boolean | null;
}

/** CreateAuthChallenge's challenge. */
export interface CreateAuthChallengeResponse {
  publicChallengeParameters?: Record<string, string> | null;
  privateChallengeParameters?: Record<string, string> | null;
  challengeMetadata?: string | null;
}

/** The request part shared by the three challenge triggers. */
export interface ChallengeRequest {
  userAttributes: Record<string, string>;
  clientMetadata?: Record<string, string>;
  userNotFound?: boolean;
}

/** The group configuration PreTokenGeneration receives. */
export interface GroupConfiguration {
  groupsToOverride: string[];
  iamRolesToOverride: string[];
  preferredRole: string | null;
}

/** What the token service asks PreTokenGeneration, whatever the version. */
export interface TokenGenerationRequest extends EventSubject {
  /** `TokenGeneration_<source>`. */
  source: string;
  userAttributes: Record<string, string>;
  groupConfiguration: GroupConfiguration;
  clientMetadata?: Record<string, string>;
  /** The access token's scopes (V2_0 and V3_0 only). */
  scopes: string[];
}

/** What PreTokenGeneration answered, with the version of the event it was given. */
export type TokenGenerationAnswer =
  | { version: 'V1_0'; response: { claimsOverrideDetails?: V1ClaimsOverride | null } }
  | { version: 'V2_0' | 'V3_0'; response: { claimsAndScopeOverrideDetails?: V2ClaimsAndScopeOverride | null } };

/** The V1 response: ID token claims (strings) and groups. */
export interface V1ClaimsOverride {
  claimsToAddOrOverride?: Record<string, string> | null;
  claimsToSuppress?: string[] | null;
  groupOverrideDetails?: Partial<GroupConfiguration> | null;
}

/** The V2/V3 response: claims of both tokens, access token scopes, groups. */
export interface V2ClaimsAndScopeOverride {
  idTokenGeneration?: {
    claimsToAddOrOverride?: Record<string, unknown> | null;
    claimsToSuppress?: string[] | null;
  } | null;
  accessTokenGeneration?: {
    claimsToAddOrOverride?: Record<string, unknown> | null;
    claimsToSuppress?: string[] | null;
    scopesToAdd?: string[] | null;
    scopesToSuppress?: string[] | null;
  } | null;
  groupOverrideDetails?: Partial<GroupConfiguration> | null;
}
