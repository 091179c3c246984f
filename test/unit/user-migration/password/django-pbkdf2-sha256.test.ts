import { djangoPbkdf2Sha256Format } from '@functions/user-migration/password/django-pbkdf2-sha256';
import { CorruptHashError } from '@functions/user-migration/password/hash-format';
import { itVerifiesKnownVectors, type Vector } from './known-vectors';

/** Django's algorithm (salt text as UTF-8, 32-byte digest, padded base64) computed with Python's hashlib.pbkdf2_hmac. */
const VECTORS: readonly Vector[] = [
  ['Legacy-Passw0rd!', 'pbkdf2_sha256$1000$Nq8sF3xkR2vLm0pQ$vR9Ss6S2VL0nNeYhBFlAHgDVFieG7ndK9AAQLWC7Oxw='],
  ['pässwörd-ü€', 'pbkdf2_sha256$1000$seasalt$wNDHKqWRWJE0DIW03YgdO8VWeRedFvCpR27Rb7fPeGQ='],
];

const DIGEST = 'vR9Ss6S2VL0nNeYhBFlAHgDVFieG7ndK9AAQLWC7Oxw=';

describe('Django PBKDF2-SHA256 format', () => {
  itVerifiesKnownVectors(djangoPbkdf2Sha256Format, VECTORS, (password) => password.slice(1));

  it.each([
    ['missing fields', 'pbkdf2_sha256$1000$salt', 'not of the form pbkdf2_sha256$iterations$salt$digest'],
    ['an empty salt', `pbkdf2_sha256$1000$$${DIGEST}`, 'not of the form pbkdf2_sha256$iterations$salt$digest'],
    ['unpadded base64', `pbkdf2_sha256$1000$salt$${DIGEST.slice(0, -1)}`, 'digest is not valid base64'],
    [
      'a 64-byte digest',
      `pbkdf2_sha256$1000$salt$${Buffer.alloc(64).toString('base64')}`,
      'digest length in bytes must be from 32 to 32, got 64',
    ],
    [
      'too many iterations',
      `pbkdf2_sha256$10000000$salt$${DIGEST}`,
      'iterations must be from 1 to 4000000, got 10000000',
    ],
    [
      'a huge salt',
      `pbkdf2_sha256$1000$${'s'.repeat(1025)}$${DIGEST}`,
      'salt length in bytes must be from 1 to 1024, got 1025',
    ],
  ])('refuses %s as corrupt', (_what, hash, reason) => {
    expect(() => djangoPbkdf2Sha256Format.parse(hash)).toThrow(new CorruptHashError(reason));
  });
});
