import type { Step } from '@shared/steps';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { isVersionOne } from '../token-event';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * The last step: a V1_0 event (a pool on the Lite plan) takes `claimsOverrideDetails`, which changes the ID token
 * only and holds string values, so the ID token's changes move there, each value that is not a string written as
 * its JSON text (`["admin"]`); access token changes and scopes have no place in a V1_0 answer and are left out. V2_0
 * and V3_0 answers go back as they are.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const answerInEventVersion: Step<PreTokenGenerationContext> = {
  name: 'answer-in-event-version',
  run({ event, logger }) {
    if (!isVersionOne(event)) return;
    const details = event.response.claimsAndScopeOverrideDetails;
    delete event.response.claimsAndScopeOverrideDetails;
    if (details === undefined || details === null) return;
    const id = details.idTokenGeneration;
    const claims: StringMap = {};
    for (const [claim, value] of Object.entries(id?.claimsToAddOrOverride ?? {})) {
      claims[claim] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    event.response.claimsOverrideDetails = {
      ...(Object.keys(claims).length > 0 ? { claimsToAddOrOverride: claims } : {}),
      ...(id?.claimsToSuppress?.length ? { claimsToSuppress: id.claimsToSuppress } : {}),
      ...(details.groupOverrideDetails ? { groupOverrideDetails: details.groupOverrideDetails } : {}),
    };
    if (details.accessTokenGeneration) {
      logger.debug('A V1_0 event changes the ID token only; the access token changes are left out');
    }
  },
};
