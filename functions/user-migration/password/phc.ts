import { type Bounds, CorruptHashError, requireWithin } from './hash-format';

/**
 * A hash in the PHC string format, `$<id>[$v=<version>][$<param>=<value>(,<param>=<value>)*]$<salt>$<hash>`,
 * split into its fields; salt and hash are still encoded.
 *
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export interface PhcFields {
  readonly id: string;
  /** The `v=` field's value, when present. */
  readonly version: string | undefined;
  readonly params: ReadonlyMap<string, string>;
  readonly salt: string;
  readonly hash: string;
}

const PARAM = /^([a-z0-9-]{1,32})=([A-Za-z0-9/+.-]{1,64})$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * Reads a PHC parameter list such as `ln=17,r=8,p=1`.
 *
 * @throws CorruptHashError when an item is not `name=value` or a name repeats.
 */
export function parsePhcParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const item of text.split(',')) {
    const match = PARAM.exec(item);
    if (match === null) throw new CorruptHashError('parameters are not a list of name=value');
    const [, name = '', value = ''] = match;
    if (params.has(name)) throw new CorruptHashError(`parameter ${name} appears twice`);
    params.set(name, value);
  }
  return params;
}

/**
 * Splits a PHC string into its fields. Salt and hash are required: a stored password hash always has both.
 *
 * @throws CorruptHashError when the string does not have the PHC shape.
 */
export function parsePhc(encoded: string): PhcFields {
  const [empty, id = '', ...rest] = encoded.split('$');
  const version = rest[0]?.startsWith('v=') ? rest.shift()?.slice(2) : undefined;
  if (empty !== '' || rest.length !== 3) {
    throw new CorruptHashError('not a PHC string of the form $id$params$salt$hash');
  }
  const [params = '', salt = '', hash = ''] = rest;
  return { id, version, params: parsePhcParams(params), salt, hash };
}

/**
 * Reads the whole-number parameter `name`, which must lie within `bounds`.
 *
 * @throws CorruptHashError when it is missing, not a whole number, or out of bounds.
 */
export function integerParam(params: ReadonlyMap<string, string>, name: string, bounds: Bounds): number {
  const value = params.get(name);
  if (value === undefined) throw new CorruptHashError(`parameter ${name} is missing`);
  if (!WHOLE_NUMBER.test(value)) throw new CorruptHashError(`parameter ${name} is not a whole number`);
  return requireWithin(`parameter ${name}`, Number(value), bounds);
}

/**
 * Checks that `params` holds no parameter other than `known`.
 *
 * @throws CorruptHashError naming the first unknown parameter.
 */
export function rejectUnknownParams(params: ReadonlyMap<string, string>, known: readonly string[]): void {
  const unknown = [...params.keys()].find((name) => !known.includes(name));
  if (unknown !== undefined) throw new CorruptHashError(`unsupported parameter ${unknown}`);
}
