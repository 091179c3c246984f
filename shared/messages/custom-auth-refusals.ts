import { lazy } from '../lazy';
import { inEveryLanguage, type LocalisedText } from './languages';

/** The section's files, loaded on the first refusal: a sign-in that goes ahead does not evaluate them. */
const files = lazy(
  () => (require('./generated/custom-auth-refusals') as typeof import('./generated/custom-auth-refusals')).FILES,
);

/** A refusal of passwordless sign-in: an entry of `<language>/custom-auth-refusals.json`. */
export type CustomAuthRefusal = keyof typeof import('./generated/custom-auth-refusals')['FILES']['en']['texts'];

/**
 * The passwordless sign-in refusal `name` in every language; `too-many-emails` prints `it.minutes`, the minutes left
 * until the send window ends. None tells whether the user exists: unknown users are answered like real ones, and a
 * link's refusals concern a link someone holds.
 */
export function customAuthRefusal(name: CustomAuthRefusal): LocalisedText {
  return inEveryLanguage((language) => files()[language].texts[name]);
}
