import { decodeField } from './base64';
import { digestsEqual } from './digest';
import { CorruptHashError, type HashFormat } from './hash-format';
import { integerParam, parsePhc, rejectUnknownParams } from './phc';

/**
 * Limits on Argon2 parameters. `m` is in KiB; the WebAssembly implementation runs lanes one after another, so
 * the time grows with m·t whatever `p` is. m = 256 MiB with t = 2 takes about 1.6 s on one core.
 */
const ARGON2_LIMITS = {
  memoryKiB: { min: 8, max: 256 * 1024 },
  iterations: { min: 1, max: 64 },
  parallelism: { min: 1, max: 16 },
  /** m·t, in KiB. */
  maxWork: 512 * 1024,
} as const;

const VARIANTS = ['argon2id', 'argon2i', 'argon2d'] as const;
type Argon2Variant = (typeof VARIANTS)[number];

const SALT_BYTES = { min: 8, max: 1024 } as const;
const DIGEST_BYTES = { min: 4, max: 64 } as const;

function isVariant(id: string): id is Argon2Variant {
  return (VARIANTS as readonly string[]).includes(id);
}

/** The `hash-wasm` function computing `variant`; the module is loaded on first use. */
async function argon2Function(variant: Argon2Variant) {
  const hashWasm = await import('hash-wasm');
  switch (variant) {
    case 'argon2id':
      return hashWasm.argon2id;
    case 'argon2i':
      return hashWasm.argon2i;
    case 'argon2d':
      return hashWasm.argon2d;
    default: {
      const unreachable: never = variant;
      throw new Error(`Unknown Argon2 variant ${String(unreachable)}`);
    }
  }
}

/**
 * Argon2 (argon2id, argon2i, argon2d) in the encoding of the reference implementation,
 * `$argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<digest>`, standard Base64 without padding. Only
 * version 19 (0x13, the current one) is accepted. Verified with `hash-wasm` (WebAssembly, no native build).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 * @see https://github.com/P-H-C/phc-winner-argon2#command-line-utility
 */
export const argon2Format: HashFormat = {
  name: 'argon2',
  detects: (encoded) => /^\$argon2(?:id|i|d)\$/.test(encoded),
  parse(encoded) {
    const { id, version, params, salt, hash } = parsePhc(encoded);
    if (!isVariant(id)) throw new CorruptHashError('unknown Argon2 variant');
    if (version !== '19') throw new CorruptHashError('only Argon2 version 19 is supported');
    rejectUnknownParams(params, ['m', 't', 'p']);
    const parallelism = integerParam(params, 'p', ARGON2_LIMITS.parallelism);
    const memorySize = integerParam(params, 'm', ARGON2_LIMITS.memoryKiB);
    const iterations = integerParam(params, 't', ARGON2_LIMITS.iterations);
    if (memorySize < 8 * parallelism) throw new CorruptHashError('parameter m must be at least 8·p');
    if (memorySize * iterations > ARGON2_LIMITS.maxWork) {
      throw new CorruptHashError(`work m·t = ${memorySize * iterations} exceeds ${ARGON2_LIMITS.maxWork}`);
    }
    const saltBytes = decodeField('salt', salt, 'phc', SALT_BYTES);
    const digest = decodeField('digest', hash, 'phc', DIGEST_BYTES);
    return {
      format: 'argon2',
      async verify(password) {
        const argon2 = await argon2Function(id);
        const derived = await argon2({
          password,
          salt: saltBytes,
          parallelism,
          iterations,
          memorySize,
          hashLength: digest.length,
          outputType: 'binary',
        });
        return digestsEqual(derived, digest);
      },
    };
  },
};
