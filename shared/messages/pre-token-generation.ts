import { lazy } from '../lazy';
import { inEveryLanguage, type LocalisedText } from './languages';

/**
 * The section's files, loaded on the first refusal: the tokens of a sign-in that is not refused, the path of every
 * sign-in and refresh, do not evaluate them at cold start.
 */
const files = lazy(
  () => (require('./generated/pre-token-generation') as typeof import('./generated/pre-token-generation')).FILES,
);

/** A refusal of the preTokenGeneration steps: an entry of `<language>/pre-token-generation.json`. */
export type PreTokenGenerationRefusal = keyof typeof import('./generated/pre-token-generation')['FILES']['en']['texts'];

/**
 * The preTokenGeneration refusal `name` in every language: `no-tenant` for a user without the tenant attribute when
 * `usersWithoutTenant` is `refuse`, `required-claim-lost` when the response check drops a claim `requiredClaims`
 * names.
 */
export function preTokenGenerationRefusal(name: PreTokenGenerationRefusal): LocalisedText {
  return inEveryLanguage((language) => files()[language].texts[name]);
}
