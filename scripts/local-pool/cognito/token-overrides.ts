import { MANAGED_CLAIMS, RESERVED_CLAIMS } from '@functions/pre-token-generation/token-contract';
import type { Claims } from './jwt';
import type { GroupConfiguration, TokenGenerationAnswer } from './trigger-events';

/** The ID and access token claims and the access token's scopes, before and after PreTokenGeneration. */
export interface TokenContents {
  idToken: Claims;
  accessToken: Claims;
  scopes: string[];
}

function applyClaimChanges(
  claims: Claims,
  changes:
    | { claimsToAddOrOverride?: Record<string, unknown> | null; claimsToSuppress?: string[] | null }
    | null
    | undefined,
  reserved: ReadonlySet<string>,
): Claims {
  const result = { ...claims };
  const allowed = (claim: string) => !RESERVED_CLAIMS.has(claim) && !reserved.has(claim);
  for (const [claim, value] of Object.entries(changes?.claimsToAddOrOverride ?? {})) {
    if (allowed(claim)) result[claim] = value;
  }
  for (const claim of changes?.claimsToSuppress ?? []) {
    if (allowed(claim)) delete result[claim];
  }
  return result;
}

function applyGroups(contents: TokenContents, groups: Partial<GroupConfiguration> | null | undefined): TokenContents {
  if (groups === null || groups === undefined) return contents;
  const idToken = { ...contents.idToken };
  const accessToken = { ...contents.accessToken };
  if (groups.groupsToOverride !== undefined && groups.groupsToOverride !== null) {
    for (const claims of [idToken, accessToken]) {
      if (groups.groupsToOverride.length > 0) claims['cognito:groups'] = groups.groupsToOverride;
      else delete claims['cognito:groups'];
    }
  }
  if (groups.iamRolesToOverride !== undefined && groups.iamRolesToOverride !== null) {
    if (groups.iamRolesToOverride.length > 0) idToken['cognito:roles'] = groups.iamRolesToOverride;
    else delete idToken['cognito:roles'];
  }
  if (typeof groups.preferredRole === 'string') idToken['cognito:preferred_role'] = groups.preferredRole;
  return { ...contents, idToken, accessToken };
}

/**
 * Applies PreTokenGeneration's answer: V1_0 changes ID token claims (string values) and groups; V2_0 and V3_0 also
 * change access token claims (any JSON value) and add or suppress scopes. Reserved claims keep their values.
 */
export function applyTokenGeneration(
  contents: TokenContents,
  answer: TokenGenerationAnswer | undefined,
): TokenContents {
  if (answer === undefined) return contents;
  if (answer.version === 'V1_0') {
    const details = answer.response.claimsOverrideDetails;
    const withGroups = applyGroups(contents, details?.groupOverrideDetails);
    return { ...withGroups, idToken: applyClaimChanges(withGroups.idToken, details, new Set()) };
  }
  const details = answer.response.claimsAndScopeOverrideDetails;
  const withGroups = applyGroups(contents, details?.groupOverrideDetails);
  const access = details?.accessTokenGeneration;
  const suppressed = new Set(access?.scopesToSuppress ?? []);
  const scopes = [...new Set([...withGroups.scopes, ...(access?.scopesToAdd ?? [])])].filter(
    (scope) => !suppressed.has(scope),
  );
  return {
    idToken: applyClaimChanges(withGroups.idToken, details?.idTokenGeneration, new Set()),
    accessToken: applyClaimChanges(withGroups.accessToken, access, MANAGED_CLAIMS.access),
    scopes,
  };
}
