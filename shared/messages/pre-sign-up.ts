import { FILES } from './generated/pre-sign-up';
import { inEveryLanguage, textsOf } from './languages';

/**
 * The refusals of the preSignUp steps (`<language>/pre-sign-up.json`), each in every language; `<%= it.domain %>`
 * prints the domain of the address the person signed up with.
 */
export const PRE_SIGN_UP_REFUSALS = textsOf(inEveryLanguage((language) => FILES[language].texts));
