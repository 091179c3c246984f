import { FILES } from './generated/common';
import { inEveryLanguage, textsOf } from './languages';

/**
 * The texts any trigger may show (`<language>/common.json`), each in every language: `generic-failure` is what a
 * user reads when a trigger fails for a reason they cannot act on.
 */
export const COMMON_TEXTS = textsOf(inEveryLanguage((language) => FILES[language].texts));
