import { argon2Format } from '@functions/user-migration/password/argon2';
import { CorruptHashError } from '@functions/user-migration/password/hash-format';
import { itVerifiesKnownVectors, type Vector } from './known-vectors';

/**
 * The argon2i example published in the reference implementation's README, hashes made with the reference
 * `argon2` command-line tool, and with argon2-cffi's `low_level.hash_secret`.
 */
const VECTORS: readonly Vector[] = [
  ['password', '$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG'],
  ['Legacy-Passw0rd!', '$argon2id$v=19$m=512,t=2,p=1$YXJnb24yLWNsaS1zYWx0$8Gpmy2AjiZBPXtgwUsMJFSvTqnuKIFCGDs3dZsROBYI'],
  [
    'Legacy-Passw0rd!',
    '$argon2id$v=19$m=256,t=2,p=2$YXJnb24yLXNhbHQtMDEyMw$JFOjEgMhCVUmZ/Gk3ljZMcqIR2XbmD5hplBDi3nFTog',
  ],
  [
    'Legacy-Passw0rd!',
    '$argon2i$v=19$m=256,t=2,p=2$YXJnb24yLXNhbHQtMDEyMw$0Q0DLqL7UI8syPeGlBHwjpmolbpcpY0NQZKf6XDN7QM',
  ],
  ['pässwörd-ü€', '$argon2id$v=19$m=64,t=1,p=1$YXJnb24yLXNhbHQtNDU2Nw$eVsS5FnYKgUDPTdv5aEvgg'],
];

const SALT = 'YXJnb24yLXNhbHQtMDEyMw';
const DIGEST = 'JFOjEgMhCVUmZ/Gk3ljZMcqIR2XbmD5hplBDi3nFTog';

describe('Argon2 format', () => {
  itVerifiesKnownVectors(argon2Format, VECTORS, (password) => password.slice(0, -1));

  it('refuses an argon2id digest presented as argon2i', async () => {
    const relabelled = `$argon2i$v=19$m=256,t=2,p=2$${SALT}$${DIGEST}`;

    await expect(argon2Format.parse(relabelled).verify('Legacy-Passw0rd!')).resolves.toBe(false);
  });

  it('detects the three variants and nothing else', () => {
    expect(['$argon2id$', '$argon2i$', '$argon2d$'].map(argon2Format.detects)).toEqual([true, true, true]);
    expect(['$argon2x$', '$argon2$', 'argon2id$'].map(argon2Format.detects)).toEqual([false, false, false]);
  });

  it.each([
    ['version 16 (no v= field)', `$argon2id$m=256,t=2,p=2$${SALT}$${DIGEST}`, 'only Argon2 version 19 is supported'],
    ['version 16', `$argon2id$v=16$m=256,t=2,p=2$${SALT}$${DIGEST}`, 'only Argon2 version 19 is supported'],
    ['a key id parameter', `$argon2id$v=19$m=256,t=2,p=2,keyid=abc$${SALT}$${DIGEST}`, 'unsupported parameter keyid'],
    ['memory below 8·p', `$argon2id$v=19$m=8,t=2,p=2$${SALT}$${DIGEST}`, 'parameter m must be at least 8·p'],
    ['a missing parameter', `$argon2id$v=19$m=256,p=2$${SALT}$${DIGEST}`, 'parameter t is missing'],
    [
      'a short salt',
      `$argon2id$v=19$m=256,t=2,p=2$c2FsdA$${DIGEST}`,
      'salt length in bytes must be from 8 to 1024, got 4',
    ],
    ['a corrupt digest', `$argon2id$v=19$m=256,t=2,p=2$${SALT}$${DIGEST}=`, 'digest is not valid base64'],
  ])('refuses %s as corrupt', (_what, hash, reason) => {
    expect(() => argon2Format.parse(hash)).toThrow(new CorruptHashError(reason));
  });

  it.each([
    ['m=262145,t=1,p=1', 'parameter m must be from 8 to 262144, got 262145'],
    ['m=262144,t=3,p=1', 'work m·t = 786432 exceeds 524288'],
    ['m=65536,t=65,p=1', 'parameter t must be from 1 to 64, got 65'],
    ['m=65536,t=1,p=17', 'parameter p must be from 1 to 16, got 17'],
  ])('refuses %s, beyond the memory and time a 1 GB Lambda has', (params, reason) => {
    expect(() => argon2Format.parse(`$argon2id$v=19$${params}$${SALT}$${DIGEST}`)).toThrow(
      new CorruptHashError(reason),
    );
  });
});
