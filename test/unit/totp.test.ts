import { totpCode } from '@test/helpers/totp';

describe('totpCode (the end-to-end tests’ authenticator app)', () => {
  it.each([
    [59_000, '287082'],
    [1_111_111_109_000, '081804'],
    [2_000_000_000_000, '279037'],
  ])('gives RFC 6238’s SHA-1 code at %p ms', (now, code) => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", last six digits of the 8-digit values.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', now)).toBe(code);
  });
});
