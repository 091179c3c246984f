import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { decodeField } from './base64';
import { digestsEqual } from './digest';
import { CorruptHashError, type HashFormat, type HashFormatName, type ParsedHash, requireWithin } from './hash-format';
import { integerParam, parsePhcParams, rejectUnknownParams } from './phc';

const pbkdf2Async = promisify(pbkdf2);

/**
 * Accepted PBKDF2-HMAC-SHA256 iteration counts. Four million take about 1.2 s on one core; more would not
 * fit Cognito's 5-second budget on a 1 GB Lambda.
 */
const PBKDF2_ITERATIONS: { readonly min: number; readonly max: number } = { min: 1, max: 4_000_000 };

/** Accepted salt lengths in bytes. */
export const PBKDF2_SALT_BYTES = { min: 1, max: 1024 } as const;

/** Accepted digest lengths in bytes; beyond 32, SHA-256 PBKDF2 does the whole work again per 32 bytes. */
const DIGEST_BYTES = { min: 16, max: 64 } as const;

const PREFIX = '$pbkdf2-sha256$';
const PASSLIB_ROUNDS = /^[0-9]{1,10}$/;

/**
 * A PBKDF2-HMAC-SHA256 hash to verify: `salt` and `iterations` as stored, `digest` the expected output
 * (whose length is the derived key length).
 */
export function pbkdf2Sha256Hash(format: HashFormatName, salt: Buffer, iterations: number, digest: Buffer): ParsedHash {
  requireWithin('iterations', iterations, PBKDF2_ITERATIONS);
  return {
    format,
    async verify(password) {
      const derived = await pbkdf2Async(password, salt, iterations, digest.length, 'sha256');
      return digestsEqual(derived, digest);
    },
  };
}

/**
 * PBKDF2-HMAC-SHA256 in its two `$pbkdf2-sha256$` forms:
 * - the PHC string format, `$pbkdf2-sha256$i=<iterations>[,l=<length>]$<salt>$<digest>`, standard Base64
 *   without padding (e.g. `@phc/pbkdf2`, RustCrypto `pbkdf2`);
 * - passlib's `$pbkdf2-sha256$<rounds>$<salt>$<digest>`, in passlib's adapted Base64 (`.` for `+`).
 *
 * @see https://passlib.readthedocs.io/en/stable/lib/passlib.hash.pbkdf2_digest.html
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export const pbkdf2Sha256Format: HashFormat = {
  name: 'pbkdf2-sha256',
  detects: (encoded) => encoded.startsWith(PREFIX),
  parse(encoded) {
    const fields = encoded.slice(PREFIX.length).split('$');
    const [settings = '', salt = '', digest = ''] = fields;
    if (fields.length !== 3) throw new CorruptHashError('not of the form $pbkdf2-sha256$settings$salt$digest');
    if (PASSLIB_ROUNDS.test(settings)) {
      return pbkdf2Sha256Hash(
        'pbkdf2-sha256',
        decodeField('salt', salt, 'passlib', PBKDF2_SALT_BYTES),
        Number(settings),
        decodeField('digest', digest, 'passlib', DIGEST_BYTES),
      );
    }
    const params = parsePhcParams(settings);
    rejectUnknownParams(params, ['i', 'l']);
    const expected = decodeField('digest', digest, 'phc', DIGEST_BYTES);
    if (params.has('l') && integerParam(params, 'l', DIGEST_BYTES) !== expected.length) {
      throw new CorruptHashError('parameter l does not match the digest length');
    }
    return pbkdf2Sha256Hash(
      'pbkdf2-sha256',
      decodeField('salt', salt, 'phc', PBKDF2_SALT_BYTES),
      integerParam(params, 'i', PBKDF2_ITERATIONS),
      expected,
    );
  },
};
