import { type ScryptOptions, scrypt } from 'node:crypto';
import { decodeField } from './base64';
import { digestsEqual } from './digest';
import { CorruptHashError, type HashFormat } from './hash-format';
import { integerParam, parsePhc, rejectUnknownParams } from './phc';

/**
 * Limits on scrypt parameters. The memory scrypt needs is 128·N·r bytes and its work grows with N·r·p;
 * N = 2^18, r = 8, p = 1 (256 MiB) takes about 0.9 s on one core — the most a 1 GB Lambda can give one
 * verification within Cognito's 5-second budget.
 */
const SCRYPT_LIMITS = {
  log2N: { min: 1, max: 20 },
  blockSize: { min: 1, max: 32 },
  parallelism: { min: 1, max: 16 },
  /** 128·N·r, in bytes. */
  maxMemoryBytes: 256 * 1024 * 1024,
  /** N·r·p. */
  maxWork: 2 ** 21,
} as const;

const SALT_BYTES = { min: 8, max: 1024 } as const;
const DIGEST_BYTES = { min: 16, max: 64 } as const;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

/**
 * scrypt in the PHC string format, `$scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<salt>$<digest>`, standard
 * Base64 without padding — as written by passlib and RustCrypto `scrypt`. Verified with Node's `crypto.scrypt`.
 *
 * @see https://passlib.readthedocs.io/en/stable/lib/passlib.hash.scrypt.html
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
export const scryptFormat: HashFormat = {
  name: 'scrypt',
  detects: (encoded) => encoded.startsWith('$scrypt$'),
  parse(encoded) {
    const { version, params, salt, hash } = parsePhc(encoded);
    if (version !== undefined) throw new CorruptHashError('scrypt hashes have no version field');
    rejectUnknownParams(params, ['ln', 'r', 'p']);
    const N = 2 ** integerParam(params, 'ln', SCRYPT_LIMITS.log2N);
    const r = integerParam(params, 'r', SCRYPT_LIMITS.blockSize);
    const p = integerParam(params, 'p', SCRYPT_LIMITS.parallelism);
    const memory = 128 * N * r;
    if (memory > SCRYPT_LIMITS.maxMemoryBytes) {
      throw new CorruptHashError(`needs ${memory} bytes of memory, more than ${SCRYPT_LIMITS.maxMemoryBytes}`);
    }
    if (N * r * p > SCRYPT_LIMITS.maxWork) {
      throw new CorruptHashError(`work N·r·p = ${N * r * p} exceeds ${SCRYPT_LIMITS.maxWork}`);
    }
    const saltBytes = decodeField('salt', salt, 'phc', SALT_BYTES);
    const digest = decodeField('digest', hash, 'phc', DIGEST_BYTES);
    // OpenSSL counts the block buffer (128·r·p) on top of the 128·r·(N + 2) bytes of V against maxmem.
    const maxmem = 128 * r * (N + 2 + p);
    return {
      format: 'scrypt',
      async verify(password) {
        const derived = await scryptAsync(password, saltBytes, digest.length, { N, r, p, maxmem });
        return digestsEqual(derived, digest);
      },
    };
  },
};
