import type { Step } from '@shared/steps';
import { addClaims, groupsOf } from '../token-changes';
import { USER_TOKEN_SOURCES } from '../token-event';
import type { PreTokenGenerationContext } from '../trigger';

/** The roles of `groups` under `groupRoles`, each once, in the order of the groups and then of the pairs. */
export function rolesOf(groups: readonly string[], groupRoles: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set(groups.flatMap((group) => groupRoles.get(group) ?? []))];
}

/**
 * Writes the roles of the user's groups (`groupRoles`, e.g. `admins:admin`) as the roles claim (`rolesClaim`) of
 * both tokens, an array of strings. A user in no mapped group gets no roles claim. On every sign-in and refresh, so
 * a group change shows in the next tokens.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const mapGroupsToRoles: Step<PreTokenGenerationContext> = {
  name: 'map-groups-to-roles',
  sources: USER_TOKEN_SOURCES,
  enabled: (config) => config.groupRoles.size > 0,
  run({ event, config }) {
    const roles = rolesOf(groupsOf(event), config.groupRoles);
    if (roles.length > 0) addClaims(event, ['id', 'access'], { [config.rolesClaim]: roles });
  },
};
