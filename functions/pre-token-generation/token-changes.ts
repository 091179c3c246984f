/**
 * How the steps write their changes: into the event's `claimsAndScopeOverrideDetails` (the V2_0 and V3_0 answer),
 * which the last step turns into a V1_0 answer when Cognito asked for one. Each writer makes the objects it needs,
 * replacing whatever is not an object where one belongs, so a step never fails on the `null`s Cognito sends.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
import { isObject } from '@shared/event-shape';
import type {
  AccessTokenChanges,
  ClaimChanges,
  ClaimsAndScopeOverrideDetails,
  ClaimValue,
  PreTokenGenerationEvent,
} from './token-event';

/** Which token a change is for. */
export type TokenName = 'id' | 'access';

function objectAt<T extends object>(holder: Record<string, unknown>, key: string): T {
  if (!isObject(holder[key])) holder[key] = {};
  return holder[key] as T;
}

function listAt(holder: Record<string, unknown>, key: string): string[] {
  if (!Array.isArray(holder[key])) holder[key] = [];
  return holder[key] as string[];
}

/** The event's V2 answer, made when absent. */
function overrideDetails(event: PreTokenGenerationEvent): ClaimsAndScopeOverrideDetails {
  return objectAt(event.response as Record<string, unknown>, 'claimsAndScopeOverrideDetails');
}

/** The changes of one token, made when absent. */
function tokenChanges(event: PreTokenGenerationEvent, token: 'access'): AccessTokenChanges;
function tokenChanges(event: PreTokenGenerationEvent, token: TokenName): ClaimChanges;
function tokenChanges(event: PreTokenGenerationEvent, token: TokenName): ClaimChanges {
  const key = token === 'id' ? 'idTokenGeneration' : 'accessTokenGeneration';
  return objectAt(overrideDetails(event) as Record<string, unknown>, key);
}

/** Adds (or overrides) `claims` in each of `tokens`. */
export function addClaims(
  event: PreTokenGenerationEvent,
  tokens: readonly TokenName[],
  claims: Readonly<Record<string, ClaimValue>>,
): void {
  if (Object.keys(claims).length === 0) return;
  for (const token of tokens) {
    Object.assign(objectAt(tokenChanges(event, token) as Record<string, unknown>, 'claimsToAddOrOverride'), claims);
  }
}

function addOnce(list: string[], items: readonly string[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

/** Suppresses `claims` in `token`. */
export function suppressClaims(event: PreTokenGenerationEvent, token: TokenName, claims: readonly string[]): void {
  addOnce(listAt(tokenChanges(event, token) as Record<string, unknown>, 'claimsToSuppress'), claims);
}

/** Adds `scopes` to the access token. */
export function addScopes(event: PreTokenGenerationEvent, scopes: readonly string[]): void {
  if (scopes.length === 0) return;
  addOnce(listAt(tokenChanges(event, 'access') as Record<string, unknown>, 'scopesToAdd'), scopes);
}

/** The user's groups, as the request carries them (after any earlier trigger's override). */
export function groupsOf(event: PreTokenGenerationEvent): string[] {
  const groups = event.request.groupConfiguration?.groupsToOverride;
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}
