import { decodeField } from './base64';
import { CorruptHashError, type HashFormat, requireWithin } from './hash-format';
import { PBKDF2_SALT_BYTES, pbkdf2Sha256Hash } from './pbkdf2-sha256';

/** Django's form: algorithm, iterations, the salt as plain text (used as its UTF-8 bytes), padded Base64 digest. */
const DJANGO = /^pbkdf2_sha256\$([0-9]{1,10})\$([^$]+)\$([^$]+)$/;

/** Django derives 32 bytes, the SHA-256 output size. */
const DIGEST_BYTES = { min: 32, max: 32 } as const;

/**
 * Django's default password hasher, `pbkdf2_sha256$<iterations>$<salt>$<base64 digest>`. Unlike the PHC form,
 * the salt is not Base64: Django feeds the salt text itself to PBKDF2.
 *
 * @see https://docs.djangoproject.com/en/stable/topics/auth/passwords/#how-django-stores-passwords
 */
export const djangoPbkdf2Sha256Format: HashFormat = {
  name: 'django-pbkdf2-sha256',
  detects: (encoded) => encoded.startsWith('pbkdf2_sha256$'),
  parse(encoded) {
    const match = DJANGO.exec(encoded);
    if (match === null) throw new CorruptHashError('not of the form pbkdf2_sha256$iterations$salt$digest');
    const [, iterations = '', salt = '', digest = ''] = match;
    const saltBytes = Buffer.from(salt, 'utf8');
    requireWithin('salt length in bytes', saltBytes.length, PBKDF2_SALT_BYTES);
    return pbkdf2Sha256Hash(
      'django-pbkdf2-sha256',
      saltBytes,
      Number(iterations),
      decodeField('digest', digest, 'padded', DIGEST_BYTES),
    );
  },
};
