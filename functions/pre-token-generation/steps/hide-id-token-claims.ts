import type { Step } from '@shared/steps';
import { suppressClaims } from '../token-changes';
import { USER_TOKEN_SOURCES } from '../token-event';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * Keeps the `hiddenIdClaims` (e.g. `phone_number`, `custom:internal_notes`) out of the ID token, which apps
 * read and often store; the attributes stay on the user, readable through the API with the access token.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const hideIdTokenClaims: Step<PreTokenGenerationContext> = {
  name: 'hide-id-token-claims',
  sources: USER_TOKEN_SOURCES,
  enabled: (config) => config.hiddenIdClaims.length > 0,
  run({ event, config }) {
    suppressClaims(event, 'id', config.hiddenIdClaims);
  },
};
