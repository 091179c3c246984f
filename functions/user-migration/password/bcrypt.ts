import { digestsEqual } from './digest';
import { CorruptHashError, type HashFormat, requireWithin } from './hash-format';

/**
 * Accepted bcrypt costs (log2 of the rounds). Cost 13 takes about a second in the pure-JavaScript
 * implementation on one core; each step up doubles it, so 14 and above would not fit Cognito's 5-second budget.
 */
const BCRYPT_COST: { readonly min: number; readonly max: number } = { min: 4, max: 13 };

/** `$2a$`, `$2b$` or `$2y$`, a two-digit cost, then 22 characters of salt and 31 of digest. */
const BCRYPT = /^\$2[aby]\$([0-9]{2})\$[./A-Za-z0-9]{53}$/;

/** The length of the prefix, cost and salt: what bcrypt needs to hash a password the same way again. */
const SETTINGS_LENGTH = 29;

/**
 * bcrypt in its modular crypt form, e.g. `$2b$10$N9qo8uLOickgx2ZMRZoMye…`. Verified with the pure-JavaScript
 * `bcryptjs` (no native build), loaded on first use. As in every bcrypt, only the first 72 bytes of a password
 * count.
 *
 * @see https://www.usenix.org/legacy/events/usenix99/provos/provos.pdf
 */
export const bcryptFormat: HashFormat = {
  name: 'bcrypt',
  detects: (encoded) => /^\$2[a-z]?\$/.test(encoded),
  parse(encoded) {
    const match = BCRYPT.exec(encoded);
    if (match === null) throw new CorruptHashError('not a $2a$, $2b$ or $2y$ hash of 60 characters');
    requireWithin('cost', Number(match[1]), BCRYPT_COST);
    return {
      format: 'bcrypt',
      async verify(password) {
        const { hash } = await import('bcryptjs');
        const computed = await hash(password, encoded.slice(0, SETTINGS_LENGTH));
        return digestsEqual(Buffer.from(computed), Buffer.from(encoded));
      },
    };
  },
};
