import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cognito's variant of SRP-6a, the server side of USER_SRP_AUTH, as the client libraries compute the other side
 * (amazon-cognito-identity-js `AuthenticationHelper`, Amplify v6 `providers/cognito/utils/srp`): the 3072-bit
 * group of RFC 5054 with g = 2, k = H(N | g), x = H(salt | H(poolName | userId | ":" | password)),
 * u = H(A | B), and a 16-byte HKDF-SHA256 key ("Caldera Derived Key") of S salted with u, which signs
 * poolName | userId | secret block | timestamp. Values are hashed as the libraries pad them (`padHex`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
 */

/** The RFC 5054 3072-bit prime. */
export const N = BigInt(
  `0x${[
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD',
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED',
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F',
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B',
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510',
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7',
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C',
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
  ].join('')}`,
);
/** The generator of the group. */
const g = 2n;

/** The libraries' hex encoding of a non-negative number: even length, "00" in front when the top bit is set. */
export function padHex(value: bigint): string {
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/i.test(even) ? `00${even}` : even;
}

/** SHA-256 of bytes, as 64 hex digits. */
const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** SHA-256 of the bytes a hex string spells. */
const hexHash = (hex: string): string => sha256Hex(Buffer.from(hex, 'hex'));

const fromHex = (hex: string): bigint => BigInt(`0x${hex}`);

/** base^exponent mod modulus, by square-and-multiply. */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let power = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * power) % modulus;
    power = (power * power) % modulus;
  }
  return result;
}

/** k = H(N | g). */
const k = fromHex(hexHash(padHex(N) + padHex(g)));

/** x = H(salt | H(poolName | userId | ":" | password)). */
function passwordExponent(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const userPasswordHash = sha256Hex(`${poolName}${userId}:${password}`);
  return fromHex(hexHash(padHex(fromHex(saltHex)) + userPasswordHash));
}

/** u = H(A | B). */
function scramble(A: bigint, B: bigint): bigint {
  return fromHex(hexHash(padHex(A) + padHex(B)));
}

/** The 16-byte key both sides derive from the shared secret S and u. */
function authenticationKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}

/** The PASSWORD_CLAIM_SIGNATURE a client sends: HMAC-SHA256 of poolName | userId | secret block | timestamp. */
export function passwordClaimSignature(
  key: Buffer,
  {
    poolName,
    userId,
    secretBlock,
    timestamp,
  }: { poolName: string; userId: string; secretBlock: string; timestamp: string },
): string {
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(poolName, 'utf8'),
        Buffer.from(userId, 'utf8'),
        Buffer.from(secretBlock, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** The server's half of one SRP exchange: what it sends (salt, B) and what it keeps (b, the verifier). */
export interface ServerChallenge {
  saltHex: string;
  B: bigint;
  b: bigint;
  verifier: bigint;
}

/**
 * Starts the server side for a user whose password the pool knows: a fresh salt and verifier v = g^x, a random b,
 * and B = k·v + g^b mod N.
 */
export function serverChallenge(poolName: string, userId: string, password: string): ServerChallenge {
  const saltHex = randomBytes(16).toString('hex');
  const verifier = modPow(g, passwordExponent(poolName, userId, password, saltHex), N);
  let b = 0n;
  let B = 0n;
  while (B % N === 0n) {
    b = fromHex(randomBytes(32).toString('hex'));
    B = (k * verifier + modPow(g, b, N)) % N;
  }
  return { saltHex, B, b, verifier };
}

/** Whether a client's SRP_A is usable: A mod N must not be 0. */
export function isValidA(A: bigint): boolean {
  return A % N !== 0n;
}

/** The server's key: S = (A · v^u)^b mod N. */
export function serverKey(challenge: ServerChallenge, A: bigint): Buffer {
  const u = scramble(A, challenge.B);
  const S = modPow((A * modPow(challenge.verifier, u, N)) % N, challenge.b, N);
  return authenticationKey(S, u);
}

/** Whether a client's PASSWORD_CLAIM_SIGNATURE proves it knows the password. */
export function verifyPasswordClaim(
  challenge: ServerChallenge,
  A: bigint,
  claim: { poolName: string; userId: string; secretBlock: string; timestamp: string; signature: string },
): boolean {
  const expected = Buffer.from(passwordClaimSignature(serverKey(challenge, A), claim), 'base64');
  const given = Buffer.from(claim.signature, 'base64');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Parses a hex SRP value (SRP_A), or undefined when it is not hex. */
export function parseSrpHex(value: unknown): bigint | undefined {
  return typeof value === 'string' && /^[0-9a-f]+$/i.test(value) ? fromHex(value) : undefined;
}
