import type { Step } from '@shared/steps';
import { addScopes, groupsOf } from '../token-changes';
import { USER_TOKEN_SOURCES } from '../token-event';
import type { PreTokenGenerationContext } from '../trigger';
import { rolesOf } from './map-groups-to-roles';

/**
 * Adds the scopes of the user's groups (`groupScopes`, e.g. `admins:orders/admin`) to the access token, next to
 * the scopes the client asked for. Needs V2_0 or later, which the pool uses on the Essentials plan and above.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const addGroupScopes: Step<PreTokenGenerationContext> = {
  name: 'add-group-scopes',
  sources: USER_TOKEN_SOURCES,
  enabled: (config) => config.groupScopes.size > 0,
  run({ event, config }) {
    const scopes = rolesOf(groupsOf(event), config.groupScopes);
    if (scopes.length > 0) addScopes(event, scopes);
  },
};
