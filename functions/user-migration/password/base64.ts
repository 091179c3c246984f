import { type Bounds, CorruptHashError, requireWithin } from './hash-format';

/**
 * The Base64 dialects password hash strings use:
 * - `phc`: the PHC string format's "B64" — the standard alphabet (`+`, `/`) without `=` padding;
 * - `passlib`: passlib's "adapted base64" of its PBKDF2 hashes — `.` in place of `+`, without padding;
 * - `padded`: standard Base64 with `=` padding (Django's PBKDF2 digests).
 *
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 * @see https://passlib.readthedocs.io/en/stable/lib/passlib.utils.binary.html
 */
export type Base64Dialect = 'phc' | 'passlib' | 'padded';

const ALPHABETS: Record<Base64Dialect, RegExp> = {
  phc: /^[A-Za-z0-9+/]*$/,
  passlib: /^[A-Za-z0-9./]*$/,
  padded: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
};

/**
 * Decodes `text` in `dialect`, or returns `undefined` when it is not the canonical encoding of some bytes
 * (wrong characters, impossible length, stray bits): Node's own decoder would silently skip such input.
 */
function decodeBase64(text: string, dialect: Base64Dialect): Buffer | undefined {
  if (!ALPHABETS[dialect].test(text)) return undefined;
  const standard = dialect === 'passlib' ? text.replaceAll('.', '+') : text;
  const bytes = Buffer.from(standard, 'base64');
  const canonical = bytes.toString('base64');
  return (dialect === 'padded' ? canonical : canonical.replace(/=+$/, '')) === standard ? bytes : undefined;
}

/**
 * Decodes the salt or digest field `what` of a hash string.
 *
 * @throws CorruptHashError when the field is not valid in `dialect` or its length in bytes is outside `length`.
 */
export function decodeField(what: string, text: string, dialect: Base64Dialect, length: Bounds): Buffer {
  const bytes = decodeBase64(text, dialect);
  if (bytes === undefined) throw new CorruptHashError(`${what} is not valid base64`);
  requireWithin(`${what} length in bytes`, bytes.length, length);
  return bytes;
}
