import { bcryptFormat } from '@functions/user-migration/password/bcrypt';
import { CorruptHashError } from '@functions/user-migration/password/hash-format';
import { itVerifiesKnownVectors, type Vector } from './known-vectors';

/** Published OpenBSD / jBCrypt test vectors (`$2a$`), and `$2b$` / `$2y$` hashes made with pyca/bcrypt. */
const VECTORS: readonly Vector[] = [
  ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
  ['a', '$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe'],
  ['abc', '$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i'],
  ['abcdefghijklmnopqrstuvwxyz', '$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC'],
  ['~!@#$%^&*()      ~!@#$%^&*()PNBFRD', '$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO'],
  ['Legacy-Passw0rd!', '$2b$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2'],
  ['pässwörd-ü€', '$2b$05$ABCDEFGHIJKLMNOPQRSTUupyTUkRePMw8HtGR/sg1xbQwDQ2mtPaG'],
  ['Legacy-Passw0rd!', '$2y$04$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2'],
];

describe('bcrypt format', () => {
  itVerifiesKnownVectors(bcryptFormat, VECTORS, (password) => `${password}x`);

  it('detects the $2a$, $2b$, $2y$ and $2x$ prefixes, and nothing else', () => {
    expect(['$2a$10$', '$2b$10$', '$2y$10$', '$2x$10$'].map(bcryptFormat.detects)).toEqual([true, true, true, true]);
    expect(['$argon2id$', 'pbkdf2_sha256$', '2b$10$'].map(bcryptFormat.detects)).toEqual([false, false, false]);
  });

  it.each([
    ['the buggy $2x$ variant', '$2x$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
    ['a truncated hash', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1'],
    ['a character outside the alphabet', '$2a$06$DCq7YPn5Rq63x1Lad4cll!TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
    ['a one-digit cost', '$2a$6$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
  ])('refuses %s as corrupt', (_what, hash) => {
    expect(() => bcryptFormat.parse(hash)).toThrow(
      new CorruptHashError('not a $2a$, $2b$ or $2y$ hash of 60 characters'),
    );
  });

  it.each([
    ['03', 'cost must be from 4 to 13, got 3'],
    ['14', 'cost must be from 4 to 13, got 14'],
    ['31', 'cost must be from 4 to 13, got 31'],
  ])('refuses cost %s, outside what fits the time budget', (cost, reason) => {
    const hash = `$2b$${cost}$abcdefghijklmnopqrstuuR3hRAAgxp8xSjjabA9tOHUuCeL0Ihc2`;

    expect(() => bcryptFormat.parse(hash)).toThrow(new CorruptHashError(reason));
  });
});
