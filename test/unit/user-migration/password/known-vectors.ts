import type { HashFormat } from '@functions/user-migration/password/hash-format';

/** A password and a hash of it made by independent tooling. */
export type Vector = readonly [password: string, hash: string];

/** Declares the known-vector tests of `format`: each hash accepts its password and refuses `wrong(password)`. */
export function itVerifiesKnownVectors(
  format: HashFormat,
  vectors: readonly Vector[],
  wrong: (password: string) => string,
): void {
  it.each(vectors)('accepts the right password for %j', async (password, hash) => {
    await expect(format.parse(hash).verify(password)).resolves.toBe(true);
  });

  it.each(vectors)('refuses a wrong password for %j', async (password, hash) => {
    await expect(format.parse(hash).verify(wrong(password))).resolves.toBe(false);
  });
}
