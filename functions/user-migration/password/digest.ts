import { timingSafeEqual } from 'node:crypto';

/**
 * Whether two digests are equal, compared in constant time. Digests of different lengths are unequal; their
 * lengths are public (they follow from the hash format), so that check does not need to be constant-time.
 */
export function digestsEqual(actual: Uint8Array, expected: Uint8Array): boolean {
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
