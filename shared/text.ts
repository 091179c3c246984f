/**
 * Text clean-up for values that end up in single-line places such as email subjects and headers, where a line
 * break would start a new header (header injection) and other control characters corrupt the display.
 */

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const WHITESPACE_RUN = /\s+/g;
const ELLIPSIS = '…';

/**
 * Returns `text` as one clean line: every run of control characters or line breaks becomes a single space,
 * runs of whitespace collapse to one space, and the ends are trimmed. With `maxLength` (1 or more), a longer
 * result is cut to at most that many characters, ending in `…` (the cut never splits a surrogate pair).
 *
 * @example singleLine('Jane\r\nBcc: x@example.com') === 'Jane Bcc: x@example.com'
 */
export function singleLine(text: string, maxLength?: number): string {
  const line = text.replace(CONTROL_OR_LINE_BREAK, ' ').replace(WHITESPACE_RUN, ' ').trim();
  if (maxLength === undefined) return line;
  const characters = Array.from(line);
  if (characters.length <= maxLength) return line;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd()}${ELLIPSIS}`;
}
