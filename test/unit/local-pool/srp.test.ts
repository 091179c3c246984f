import { createHmac } from 'node:crypto';
import {
  isValidA,
  N,
  padHex,
  passwordClaimSignature,
  serverChallenge,
  serverKey,
  verifyPasswordClaim,
} from '@scripts/local-pool/cognito/srp';
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';

/** The client side of Cognito's SRP, computed by amazon-cognito-identity-js itself. */
interface ClientHelper {
  getLargeAValue(callback: (error: unknown, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: unknown,
    salt: unknown,
    callback: (error: unknown, key: Buffer) => void,
  ): void;
  padHex(value: unknown): string;
}

const POOL_NAME = 'AbCdEf123';
const USER_ID = '3f1c2a9e-52b7-4d6f-9c1e-1b2a3c4d5e6f';
const PASSWORD = 'Correct-Horse-42';
const SECRET_BLOCK = Buffer.from('an opaque secret block of the server').toString('base64');
const TIMESTAMP = 'Tue Nov 3 07:06:05 UTC 2026';

function clientHelper(): ClientHelper {
  return new (AuthenticationHelper as unknown as new (pool: string) => ClientHelper)(POOL_NAME);
}

function clientA(helper: ClientHelper): Promise<bigint> {
  return new Promise((resolve, reject) =>
    helper.getLargeAValue((error, A) => (error ? reject(error) : resolve(BigInt(`0x${A.toString(16)}`)))),
  );
}

function clientKey(helper: ClientHelper, password: string, B: bigint, saltHex: string): Promise<Buffer> {
  const Big = BigInteger as unknown as new (hex: string, radix: number) => unknown;
  return new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      USER_ID,
      password,
      new Big(B.toString(16), 16),
      new Big(saltHex, 16),
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** The signature as amazon-cognito-identity-js's CognitoUser builds it from the key. */
function clientSignature(key: Buffer): string {
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(POOL_NAME),
        Buffer.from(USER_ID),
        Buffer.from(SECRET_BLOCK, 'base64'),
        Buffer.from(TIMESTAMP),
      ]),
    )
    .digest('base64');
}

describe("Cognito's SRP", () => {
  it('derives the same key as amazon-cognito-identity-js from the same exchange', async () => {
    const helper = clientHelper();
    const A = await clientA(helper);
    const challenge = serverChallenge(POOL_NAME, USER_ID, PASSWORD);

    const key = await clientKey(helper, PASSWORD, challenge.B, challenge.saltHex);

    expect(serverKey(challenge, A).toString('hex')).toBe(Buffer.from(key).toString('hex'));
  });

  it("accepts the library's password claim signature and refuses one made with another password", async () => {
    const helper = clientHelper();
    const A = await clientA(helper);
    const challenge = serverChallenge(POOL_NAME, USER_ID, PASSWORD);
    const claim = { poolName: POOL_NAME, userId: USER_ID, secretBlock: SECRET_BLOCK, timestamp: TIMESTAMP };

    const right = clientSignature(await clientKey(helper, PASSWORD, challenge.B, challenge.saltHex));
    const wrong = clientSignature(
      await clientKey(clientHelper(), 'Not-The-Password-1', challenge.B, challenge.saltHex),
    );

    expect(verifyPasswordClaim(challenge, A, { ...claim, signature: right })).toBe(true);
    expect(verifyPasswordClaim(challenge, A, { ...claim, signature: wrong })).toBe(false);
    expect(passwordClaimSignature(serverKey(challenge, A), claim)).toBe(right);
  });

  it('pads hex as the library does, for values with and without the top bit set', () => {
    const helper = clientHelper();
    const Big = BigInteger as unknown as new (hex: string, radix: number) => unknown;

    for (const hex of ['14', 'ec', 'c8', '1', 'fff', '80', N.toString(16)]) {
      expect(padHex(BigInt(`0x${hex}`))).toBe(helper.padHex(new Big(hex, 16)));
    }
  });

  it('refuses an SRP_A that is a multiple of N', () => {
    expect(isValidA(0n)).toBe(false);
    expect(isValidA(N * 2n)).toBe(false);
    expect(isValidA(2n)).toBe(true);
  });
});
