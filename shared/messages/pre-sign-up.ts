import { inEveryLanguage, textsOf } from './languages';

/** What `<language>/pre-sign-up.json` holds: the refusals of the sign-up rules. */
type PreSignUpRefusals = typeof import('./en/pre-sign-up.json');

/**
 * The refusals of the preSignUp steps, each in every language; `<%= it.domain %>` prints the domain of the
 * address the person signed up with.
 */
export const PRE_SIGN_UP_REFUSALS = textsOf(
  inEveryLanguage((language): PreSignUpRefusals => require(`./${language}/pre-sign-up.json`)),
);
