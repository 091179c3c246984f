import { magicLinkUserName, readMagicLink, signMagicLink } from '@shared/custom-auth/magic-link';
import { FUZZ_RUNS } from '@test/fuzz/containment';
import fc from 'fast-check';

const KEY = Buffer.alloc(32, 1);
const CLAIMS = { userName: 'u-1', userPoolId: 'us-east-1_Xq7fLw2Zb', issuedAt: 100, expiresAt: 1000, linkId: 'abc' };

describe('magic-link tokens', () => {
  it('read back the claims they were signed with, until they expire', () => {
    const token = signMagicLink(CLAIMS, KEY);

    expect(readMagicLink(token, KEY, new Date(999_999))).toEqual(CLAIMS);
    expect(readMagicLink(token, KEY, new Date(1_000_000))).toBe('expired');
    expect(magicLinkUserName(token)).toBe('u-1');
  });

  it('are the same for the same claims and key, so a retried send gives the same link', () => {
    expect(signMagicLink(CLAIMS, KEY)).toBe(signMagicLink({ ...CLAIMS }, KEY));
  });

  it('are invalid under another key, or with any character changed', () => {
    const token = signMagicLink(CLAIMS, KEY);

    expect(readMagicLink(token, Buffer.alloc(32, 2), new Date(0))).toBe('invalid');
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'ABCxyz019-_.'), (index, character) => {
        fc.pre(token[index] !== character);
        const changed = `${token.slice(0, index)}${character}${token.slice(index + 1)}`;
        expect(readMagicLink(changed, KEY, new Date(0))).toBe('invalid');
      }),
      FUZZ_RUNS,
    );
  });

  it('refuse whatever else an answer may be', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (answer) => {
        expect(readMagicLink(answer, KEY, new Date(0))).toBe('invalid');
      }),
      FUZZ_RUNS,
    );
  });
});
