/**
 * Text clean-up for values that end up in single-line places such as email subjects, headers and SMS, where a
 * line break would start a new header (header injection), and where Cognito accepts only letters, marks,
 * symbols, numbers, punctuation and plain spaces: a format character such as U+200D or a non-breaking space in
 * a custom message makes Cognito refuse it.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html
 */

import { lazy } from './lazy';

/** Printable ASCII and ASCII whitespace: most values are nothing else, and need no Unicode pattern. */
const ASCII_TEXT = /^[\t\n\v\f\r\x20-\x7e]*$/;
/** The whitespace of {@link ASCII_TEXT}, in runs. */
const ASCII_SPACE_RUN = /[\t\n\v\f\r ]+/g;
/**
 * Whitespace of any kind (line breaks, tabs, Unicode spaces and separators) and control characters; then, in what
 * is left, what is not printable text: format, private-use and unassigned characters, lone surrogates (the other
 * characters, spaces and controls, are gone by then, so `\p{C}` is all that is left to drop). Built on first use,
 * from strings: a Unicode property class costs a cold start about a millisecond to build, and a pattern written as
 * a literal is built when the module is parsed (BENCHMARKS.md).
 */
const unicodePatterns = lazy(() => ({
  // biome-ignore lint/complexity/useRegexLiterals: a literal would be built when the module is parsed (see above).
  breakingRun: new RegExp('[\\s\\p{Z}\\p{Cc}]+', 'gu'),
  // biome-ignore lint/complexity/useRegexLiterals: as above.
  notPrintable: new RegExp('\\p{C}', 'gu'),
}));
const SPACE_RUN = / {2,}/g;
const ELLIPSIS = '…';

/** {@link singleLine} without its length limit. */
function oneLine(text: string): string {
  if (ASCII_TEXT.test(text)) return text.replace(ASCII_SPACE_RUN, ' ').trim();
  const { breakingRun, notPrintable } = unicodePatterns();
  return text.replace(breakingRun, ' ').replace(notPrintable, '').replace(SPACE_RUN, ' ').trim();
}

/**
 * Returns `text` as one clean line: every run of whitespace, line breaks or control characters becomes a single
 * space, format and other non-printable characters are dropped, and the ends are trimmed. With `maxLength` (1 or more), a longer
 * result is cut to at most that many characters, ending in `…` (the cut never splits a surrogate pair).
 *
 * @example singleLine('Jane\r\nBcc: x@example.com') === 'Jane Bcc: x@example.com'
 */
export function singleLine(text: string, maxLength?: number): string {
  const line = oneLine(text);
  if (maxLength === undefined) return line;
  const characters = Array.from(line);
  if (characters.length <= maxLength) return line;
  return `${characters
    .slice(0, Math.max(0, maxLength - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}
