import { lazy } from '@shared/lazy';
import { singleLine } from '@shared/text';

/**
 * What Cognito accepts in a message. Cognito checks a custom message against
 * `[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*` (a Java pattern, whose `\s` is ASCII
 * whitespace only): letters, marks, symbols, numbers, punctuation and plain whitespace. A control character, a
 * format character such as U+200D or a non-breaking space in an attribute would make Cognito refuse the message.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html
 */

/** Every character Cognito accepts in a message: see the module comment. */
export const ALLOWED_MESSAGE_TEXT = /^[\p{L}\p{M}\p{S}\p{N}\p{P} \t\n\v\f\r]*$/u;

/** Printable ASCII and ASCII whitespace, all of which Cognito accepts. */
const ASCII_MESSAGE = /^[\t\n\v\f\r\x20-\x7e]*$/;
/**
 * A character Cognito refuses. The general categories partition Unicode, so what is not a letter, mark, symbol,
 * number or punctuation is a control, format, private-use, unassigned or separator character (C or Z); of those,
 * ASCII whitespace is allowed. Built on first use, from a string, as shared/text.ts explains.
 */
// biome-ignore lint/complexity/useRegexLiterals: a literal would be built when the module is parsed (see above).
const refusedCharacter = lazy(() => new RegExp('(?![ \\t\\n\\v\\f\\r])[\\p{C}\\p{Z}]', 'u'));

/** Whether Cognito accepts every character of `text` in a message: {@link ALLOWED_MESSAGE_TEXT}, sooner. */
export function isAllowedMessageText(text: string): boolean {
  return ASCII_MESSAGE.test(text) || !refusedCharacter().test(text);
}

/**
 * Makes a value a user controls safe to print in any message: {@link singleLine}, and curly braces become
 * parentheses, so an attribute can never form a Cognito placeholder such as `{####}` or `{username}` (which Cognito
 * would fill in, and which would make a message without the real placeholder look complete).
 */
export function userText(value: string | undefined): string {
  return singleLine(value ?? '')
    .replaceAll('{', '(')
    .replaceAll('}', ')');
}
