import { lazy } from '../lazy';
import { inEveryLanguage, type LocalisedText } from './languages';

/**
 * The section's files, loaded on the first refusal: a sign-up that is not refused, the ordinary path, does not
 * evaluate them at cold start.
 */
const files = lazy(() => (require('./generated/pre-sign-up') as typeof import('./generated/pre-sign-up')).FILES);

/** A refusal of the preSignUp steps: an entry of `<language>/pre-sign-up.json`. */
export type PreSignUpRefusal = keyof typeof import('./generated/pre-sign-up')['FILES']['en']['texts'];

/**
 * The preSignUp refusal `name` in every language; `<%= it.domain %>` prints the domain of the address the person
 * signed up with.
 */
export function preSignUpRefusal(name: PreSignUpRefusal): LocalisedText {
  return inEveryLanguage((language) => files()[language].texts[name]);
}
