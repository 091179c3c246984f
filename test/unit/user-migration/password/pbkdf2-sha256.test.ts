import { CorruptHashError } from '@functions/user-migration/password/hash-format';
import { pbkdf2Sha256Format } from '@functions/user-migration/password/pbkdf2-sha256';
import { itVerifiesKnownVectors, type Vector } from './known-vectors';

/**
 * PHC strings computed with Python's hashlib.pbkdf2_hmac (salt 00 01 … 0f), and passlib 1.7.4
 * `pbkdf2_sha256.hash` output (adapted base64: `.` for `+`).
 */
const VECTORS: readonly Vector[] = [
  // PHC
  ['Legacy-Passw0rd!', '$pbkdf2-sha256$i=1000,l=32$AAECAwQFBgcICQoLDA0ODw$UQwIO7a5U+dXAaRMkoPngRiJwywQkrd9ATNY1a9jQ/o'],
  ['pässwörd-ü€', '$pbkdf2-sha256$i=1000,l=32$AAECAwQFBgcICQoLDA0ODw$tyLjtwRApsFeagcjkuy50GKpOYkV0szaV17KD3YYPIE'],
  ['Legacy-Passw0rd!', '$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODw$UQwIO7a5U+dXAaRMkoPngRiJwywQkrd9ATNY1a9jQ/o'],
  // passlib
  ['Legacy-Passw0rd!', '$pbkdf2-sha256$1000$....................YQ$XAIWBdyP79HaL0tb25OATggp3eXKKPE.IACL.wvsErQ'],
  ['pässwörd-ü€', '$pbkdf2-sha256$1000$cGFzc2xpYi1zYWx0$IRlfBt0tiejm9TzQWGnGpZOpC8kHQ8IAW4PAkZ21gc8'],
  // Published in passlib's documentation.
  ['password', '$pbkdf2-sha256$6400$0ZrzXitFSGltTQnBWOsdAw$Y11AchqV4b0sUisdZd0Xr97KWoymNE0LNNrnEgY4H9M'],
];

const SALT = 'AAECAwQFBgcICQoLDA0ODw';
const DIGEST = 'UQwIO7a5U+dXAaRMkoPngRiJwywQkrd9ATNY1a9jQ/o';

describe('PBKDF2-SHA256 format', () => {
  itVerifiesKnownVectors(pbkdf2Sha256Format, VECTORS, (password) => `${password.toUpperCase()}!`);

  it('reads passlib base64 with its own alphabet, not the standard one', () => {
    const standardAlphabet = '$pbkdf2-sha256$1000$++++++++++++++++++++YQ$XAIWBdyP79HaL0tb25OATggp3eXKKPE+IACL+wvsErQ';

    expect(() => pbkdf2Sha256Format.parse(standardAlphabet)).toThrow(new CorruptHashError('salt is not valid base64'));
  });

  it.each([
    ['a missing field', `$pbkdf2-sha256$i=1000$${SALT}`, 'not of the form $pbkdf2-sha256$settings$salt$digest'],
    [
      'an extra field',
      `$pbkdf2-sha256$i=1000$${SALT}$${DIGEST}$x`,
      'not of the form $pbkdf2-sha256$settings$salt$digest',
    ],
    ['no iteration count', `$pbkdf2-sha256$l=32$${SALT}$${DIGEST}`, 'parameter i is missing'],
    ['an unknown parameter', `$pbkdf2-sha256$i=1000,x=1$${SALT}$${DIGEST}`, 'unsupported parameter x'],
    ['a repeated parameter', `$pbkdf2-sha256$i=1000,i=2$${SALT}$${DIGEST}`, 'parameter i appears twice'],
    ['a non-numeric count', `$pbkdf2-sha256$i=1e3$${SALT}$${DIGEST}`, 'parameter i is not a whole number'],
    [
      'a wrong declared length',
      `$pbkdf2-sha256$i=1000,l=64$${SALT}$${DIGEST}`,
      'parameter l does not match the digest length',
    ],
    ['padding in PHC base64', `$pbkdf2-sha256$i=1000$${SALT}==$${DIGEST}`, 'salt is not valid base64'],
    ['a short digest', `$pbkdf2-sha256$i=1000$${SALT}$AAECAwQF`, 'digest length in bytes must be from 16 to 64, got 6'],
    ['an empty salt', `$pbkdf2-sha256$i=1000$$${DIGEST}`, 'salt length in bytes must be from 1 to 1024, got 0'],
    ['garbage settings', `$pbkdf2-sha256$abc$${SALT}$${DIGEST}`, 'parameters are not a list of name=value'],
  ])('refuses %s as corrupt', (_what, hash, reason) => {
    expect(() => pbkdf2Sha256Format.parse(hash)).toThrow(new CorruptHashError(reason));
  });

  it.each([
    [`$pbkdf2-sha256$i=4000001$${SALT}$${DIGEST}`, 'parameter i must be from 1 to 4000000, got 4000001'],
    [`$pbkdf2-sha256$i=0$${SALT}$${DIGEST}`, 'parameter i must be from 1 to 4000000, got 0'],
    [
      '$pbkdf2-sha256$99999999$....................YQ$XAIWBdyP79HaL0tb25OATggp3eXKKPE.IACL.wvsErQ',
      'iterations must be from 1 to 4000000, got 99999999',
    ],
  ])('refuses iteration counts outside the time budget: %s', (hash, reason) => {
    expect(() => pbkdf2Sha256Format.parse(hash)).toThrow(new CorruptHashError(reason));
  });
});
