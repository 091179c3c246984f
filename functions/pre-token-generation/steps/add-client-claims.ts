import type { Step } from '@shared/steps';
import { addClaims } from '../token-changes';
import { clientIdOf, USER_TOKEN_SOURCES } from '../token-event';
import { entryForClient } from '../token-settings';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * Adds the static claims of the app client the user signs in with (`clientClaims`, keyed by app client id, `*` for
 * every client; a client's own entry wins) to both tokens, e.g. the plan or audience an API expects of that app.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const addClientClaims: Step<PreTokenGenerationContext> = {
  name: 'add-client-claims',
  sources: USER_TOKEN_SOURCES,
  enabled: (config) => Object.keys(config.clientClaims).length > 0,
  run({ event, config }) {
    for (const claims of entryForClient(config.clientClaims, clientIdOf(event))) {
      addClaims(event, ['id', 'access'], claims);
    }
  },
};
