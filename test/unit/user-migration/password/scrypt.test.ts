import { CorruptHashError } from '@functions/user-migration/password/hash-format';
import { scryptFormat } from '@functions/user-migration/password/scrypt';
import { itVerifiesKnownVectors, type Vector } from './known-vectors';

/** passlib 1.7.4 `scrypt.hash` output, and a PHC string computed with Python's hashlib.scrypt (salt 00 01 … 0f). */
const VECTORS: readonly Vector[] = [
  ['Legacy-Passw0rd!', '$scrypt$ln=10,r=8,p=1$c2NyeXB0LXNhbHQtMDEyMw$XC2dfujSSGP9YJFSy/vuJ4lKpeErBcLuk/L+qU2c6Sg'],
  ['pässwörd-ü€', '$scrypt$ln=10,r=4,p=2$+//++//++//++//++//+$m+Y3dXiSXbwwOdrrLf4qOGa4YsyFOMnXTM5jy0HDKWo'],
  ['Legacy-Passw0rd!', '$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AZBoqv+GJCPDO2tDBfTuBU2KGR13A0nSMcV1sU5DlVs'],
];

const SALT = 'AAECAwQFBgcICQoLDA0ODw';
const DIGEST = 'AZBoqv+GJCPDO2tDBfTuBU2KGR13A0nSMcV1sU5DlVs';

describe('scrypt format', () => {
  itVerifiesKnownVectors(scryptFormat, VECTORS, (password) => `${password} `);

  it('verifies at the default cost, which needs more than Node’s default 32 MiB scrypt memory', async () => {
    const defaultCost = '$scrypt$ln=17,r=8,p=1$ify2MRtf56H6z+zDNJPShQ$lj2IZ1AssyhIqAQvQVA5dE7PRK6YPl4niSKuzWwGD9c';

    await expect(scryptFormat.parse(defaultCost).verify('not the password')).resolves.toBe(false);
  });

  it.each([
    ['a version field', `$scrypt$v=1$ln=10,r=8,p=1$${SALT}$${DIGEST}`, 'scrypt hashes have no version field'],
    ['a missing parameter', `$scrypt$ln=10,r=8$${SALT}$${DIGEST}`, 'parameter p is missing'],
    ['an unknown parameter', `$scrypt$ln=10,r=8,p=1,x=2$${SALT}$${DIGEST}`, 'unsupported parameter x'],
    ['a missing digest', `$scrypt$ln=10,r=8,p=1$${SALT}`, 'not a PHC string of the form $id$params$salt$hash'],
    [
      'passlib-alphabet base64',
      `$scrypt$ln=10,r=8,p=1$${SALT}$${DIGEST.replace('+', '.')}`,
      'digest is not valid base64',
    ],
    ['a short salt', `$scrypt$ln=10,r=8,p=1$AAECAw$${DIGEST}`, 'salt length in bytes must be from 8 to 1024, got 4'],
  ])('refuses %s as corrupt', (_what, hash, reason) => {
    expect(() => scryptFormat.parse(hash)).toThrow(new CorruptHashError(reason));
  });

  it.each([
    ['ln=21,r=8,p=1', 'parameter ln must be from 1 to 20, got 21'],
    ['ln=19,r=8,p=1', 'needs 536870912 bytes of memory, more than 268435456'],
    ['ln=14,r=32,p=16', 'work N·r·p = 8388608 exceeds 2097152'],
    ['ln=10,r=8,p=17', 'parameter p must be from 1 to 16, got 17'],
    ['ln=10,r=33,p=1', 'parameter r must be from 1 to 32, got 33'],
  ])('refuses %s, beyond the memory and time a 1 GB Lambda has', (params, reason) => {
    expect(() => scryptFormat.parse(`$scrypt$${params}$${SALT}$${DIGEST}`)).toThrow(new CorruptHashError(reason));
  });
});
