import { inEveryLanguage, textsOf } from './languages';

/** What `<language>/common.json` holds: the texts any trigger may show. */
type CommonTexts = typeof import('./en/common.json');

/**
 * The texts any trigger may show, each in every language: `generic-failure` is what a user reads when a trigger
 * fails for a reason they cannot act on.
 */
export const COMMON_TEXTS = textsOf(inEveryLanguage((language): CommonTexts => require(`./${language}/common.json`)));
