import { preTokenGenerationRefusal } from '@shared/messages/pre-token-generation';
import type { Step } from '@shared/steps';
import { addedClaims, brokenRules } from '../response-check';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * Checks the answer the earlier steps made (reserved claims, value types, sizes, shapes; see {@link brokenRules})
 * before it goes back to Cognito. An answer that breaks a rule is logged as an error naming each rule and claim,
 * and dropped whole, so the user gets Cognito's tokens unchanged rather than a failed sign-in; unless it adds a
 * claim `requiredClaims` names, which an app cannot do without: then the sign-in is refused, in the user's language.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const checkResponse: Step<PreTokenGenerationContext> = {
  name: 'check-response',
  run({ event, config, logger, reject }) {
    const details = event.response.claimsAndScopeOverrideDetails;
    const violations = brokenRules(details);
    if (violations.length === 0) return;
    const lost = [...addedClaims(details)].filter((claim) => config.requiredClaims.includes(claim));
    event.response.claimsAndScopeOverrideDetails = null;
    if (lost.length > 0) {
      logger.error('Token claims failed the response check and a required claim is lost; sign-in refused', {
        violations,
        requiredClaims: lost,
      });
      reject(preTokenGenerationRefusal('required-claim-lost'));
    }
    logger.error('Token claims failed the response check; Cognito issues its tokens unchanged', { violations });
  },
};
