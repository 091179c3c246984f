import type { Step } from '@shared/steps';
import { addClaims, addScopes } from '../token-changes';
import { clientIdOf } from '../token-event';
import { entryForClient } from '../token-settings';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * Gives a machine client's access token (the `client_credentials` grant, V3_0) the scopes and claims of
 * `machineClientAccess` for that client (`*` for every machine client; a client's own entry adds to it).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const addMachineClientAccess: Step<PreTokenGenerationContext> = {
  name: 'add-machine-client-access',
  sources: ['TokenGeneration_ClientCredentials'],
  enabled: (config) => Object.keys(config.machineClientAccess).length > 0,
  run({ event, config }) {
    for (const { scopes, claims } of entryForClient(config.machineClientAccess, clientIdOf(event))) {
      addClaims(event, ['access'], claims);
      addScopes(event, scopes);
    }
  },
};
