/**
 * Text clean-up for values that end up in single-line places such as email subjects, headers and SMS, where a
 * line break would start a new header (header injection), and where Cognito accepts only letters, marks,
 * symbols, numbers, punctuation and plain spaces: a format character such as U+200D or a non-breaking space in
 * a custom message makes Cognito refuse it.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html
 */

/** Whitespace of any kind (line breaks, tabs, Unicode spaces and separators) and control characters. */
const BREAKING_RUN = /[\s\p{Z}\p{Cc}]+/gu;
/** What is left that is not printable text: format, private-use and unassigned characters, lone surrogates. */
const NOT_PRINTABLE = /[^\p{L}\p{M}\p{S}\p{N}\p{P} ]/gu;
const SPACE_RUN = / {2,}/g;
const ELLIPSIS = '…';

/**
 * Returns `text` as one clean line: every run of whitespace, line breaks or control characters becomes a single
 * space, format and other non-printable characters are dropped, and the ends are trimmed. With `maxLength` (1 or more), a longer
 * result is cut to at most that many characters, ending in `…` (the cut never splits a surrogate pair).
 *
 * @example singleLine('Jane\r\nBcc: x@example.com') === 'Jane Bcc: x@example.com'
 */
export function singleLine(text: string, maxLength?: number): string {
  const line = text.replace(BREAKING_RUN, ' ').replace(NOT_PRINTABLE, '').replace(SPACE_RUN, ' ').trim();
  if (maxLength === undefined) return line;
  const characters = Array.from(line);
  if (characters.length <= maxLength) return line;
  return `${characters
    .slice(0, Math.max(0, maxLength - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}
