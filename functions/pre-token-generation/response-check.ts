import { isObject } from '@shared/event-shape';
import type { TokenName } from './token-changes';
import {
  claimsBytes,
  isChangeableClaim,
  isClaimName,
  isClaimValueIn,
  MAX_ADDED_CLAIMS_BYTES,
  RESERVED_CLAIMS,
  SCOPE,
} from './token-contract';

/** A rule of the response check; logged by name when an answer breaks it. */
export type ResponseRule =
  | 'response-shape'
  | 'reserved-claim'
  | 'managed-claim'
  | 'claim-name'
  | 'claim-type'
  | 'claims-size'
  | 'scope-format';

/** One broken rule: which, in which part of the answer, and the claim or scope concerned (a name, never a value). */
export interface Violation {
  readonly rule: ResponseRule;
  readonly part: TokenName | 'groups' | 'answer';
  readonly name?: string;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function claimNameRule(claim: string, token: TokenName): ResponseRule | undefined {
  if (RESERVED_CLAIMS.has(claim)) return 'reserved-claim';
  if (!isChangeableClaim(claim, token)) return 'managed-claim';
  if (!isClaimName(claim)) return 'claim-name';
  return undefined;
}

function claimViolations(changes: Record<string, unknown>, token: TokenName): Violation[] {
  const violations: Violation[] = [];
  const { claimsToAddOrOverride: added, claimsToSuppress: suppressed } = changes;
  if (added !== undefined && added !== null) {
    if (!isObject(added)) return [{ rule: 'response-shape', part: token, name: 'claimsToAddOrOverride' }];
    for (const [claim, value] of Object.entries(added)) {
      const rule = claimNameRule(claim, token) ?? (isClaimValueIn(token, claim, value) ? undefined : 'claim-type');
      if (rule !== undefined) violations.push({ rule, part: token, name: claim });
    }
    if (violations.length === 0 && claimsBytes(added) > MAX_ADDED_CLAIMS_BYTES) {
      violations.push({ rule: 'claims-size', part: token });
    }
  }
  if (suppressed !== undefined && suppressed !== null) {
    if (!isStringList(suppressed))
      return [...violations, { rule: 'response-shape', part: token, name: 'claimsToSuppress' }];
    for (const claim of suppressed) {
      const rule = claimNameRule(claim, token);
      if (rule !== undefined) violations.push({ rule, part: token, name: claim });
    }
  }
  return violations;
}

function scopeViolations(changes: Record<string, unknown>): Violation[] {
  return (['scopesToAdd', 'scopesToSuppress'] as const).flatMap((key): Violation[] => {
    const scopes = changes[key];
    if (scopes === undefined || scopes === null) return [];
    if (!isStringList(scopes)) return [{ rule: 'response-shape', part: 'access', name: key }];
    return scopes
      .filter((scope) => !SCOPE.test(scope))
      .map((scope) => ({ rule: 'scope-format', part: 'access', name: scope.slice(0, 64) }));
  });
}

function groupViolations(groups: unknown): Violation[] {
  if (groups === undefined || groups === null) return [];
  const valid =
    isObject(groups) &&
    ['groupsToOverride', 'iamRolesToOverride'].every(
      (key) => groups[key] === undefined || groups[key] === null || isStringList(groups[key]),
    ) &&
    (groups.preferredRole === undefined || groups.preferredRole === null || typeof groups.preferredRole === 'string');
  return valid ? [] : [{ rule: 'response-shape', part: 'groups' }];
}

function partViolations(details: Record<string, unknown>, key: string, token: TokenName): Violation[] {
  const changes = details[key];
  if (changes === undefined || changes === null) return [];
  if (!isObject(changes)) return [{ rule: 'response-shape', part: token }];
  return [...claimViolations(changes, token), ...(token === 'access' ? scopeViolations(changes) : [])];
}

/**
 * Checks a V2_0/V3_0 answer (`claimsAndScopeOverrideDetails`) before it goes back to Cognito and returns the rules
 * it breaks (none when it is fine): no reserved claim (`sub`, `iss`, `exp`, …) is set or suppressed, nor a claim
 * Cognito writes from other fields (`cognito:groups`, `scope`, `client_id`, …); claim names are names and values
 * of the types Cognito takes; the claims added to one token fit {@link MAX_ADDED_CLAIMS_BYTES}; scopes are OAuth
 * scopes; and every part has its documented shape.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export function brokenRules(details: unknown): Violation[] {
  if (details === undefined || details === null) return [];
  if (!isObject(details)) return [{ rule: 'response-shape', part: 'answer' }];
  return [
    ...partViolations(details, 'idTokenGeneration', 'id'),
    ...partViolations(details, 'accessTokenGeneration', 'access'),
    ...groupViolations(details.groupOverrideDetails),
  ];
}

/** The claims an answer adds to either token (for the required-claims rule), whatever its shape. */
export function addedClaims(details: unknown): Set<string> {
  const added = new Set<string>();
  if (!isObject(details)) return added;
  for (const key of ['idTokenGeneration', 'accessTokenGeneration']) {
    const changes = details[key];
    const claims = isObject(changes) ? changes.claimsToAddOrOverride : undefined;
    if (isObject(claims)) for (const claim of Object.keys(claims)) added.add(claim);
  }
  return added;
}
