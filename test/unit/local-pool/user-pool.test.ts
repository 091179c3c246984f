import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileLogger } from '@scripts/local-pool/cognito/logger';
import { LocalUserPoolFactory } from '@scripts/local-pool/cognito/user-pool';
import { DateClock } from 'cognito-local/lib/services/clock';
import type { Context } from 'cognito-local/lib/services/context';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import {
  attributeValue,
  type User,
  type UserPool,
  type UserPoolService,
} from 'cognito-local/lib/services/userPoolService';

let stateDir: string;
let ctx: Context;
let dataStores: StormDBDataStoreFactory;
let pools = 0;

beforeAll(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'local-user-pool-'));
  ctx = { logger: fileLogger(join(stateDir, 'cognito.log')) };
  dataStores = new StormDBDataStoreFactory(stateDir);
});

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

/** A new pool with `options`, stored in cognito-local's files as the layer stores it. */
async function poolWith(options: Omit<UserPool, 'Id'>): Promise<UserPoolService> {
  pools += 1;
  const clients = await dataStores.create(ctx, `clients-${pools}`, { Clients: {} });
  return new LocalUserPoolFactory(new DateClock(), dataStores).create(ctx, clients, {
    Id: `local_pool${pools}`,
    ...options,
  });
}

function user(username: string, attributes: Record<string, string>): User {
  const now = new Date();
  return {
    Username: username,
    Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    Enabled: true,
    Password: 'Correct-Horse-42',
    UserStatus: 'CONFIRMED',
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: [],
  };
}

const JANE = {
  sub: '5d6e7f80-1111-4222-8333-944455556666',
  email: 'Jane.Doe@Example.com',
  preferred_username: 'JaneD',
};

describe('LocalUserPool', () => {
  it('finds a user by username or email in any letter case in a case-insensitive pool signed in with email', async () => {
    const pool = await poolWith({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
    await pool.saveUser(ctx, user(JANE.sub, JANE));

    for (const name of ['jane.doe@example.com', 'JANE.DOE@EXAMPLE.COM', JANE.sub.toUpperCase()]) {
      expect((await pool.getUserByUsername(ctx, name))?.Username).toBe(JANE.sub);
    }
    expect(await pool.getUserByUsername(ctx, 'janed')).toBeNull();
    expect(await pool.getUserByUsername(ctx, 'john.doe@example.com')).toBeNull();
  });

  it('finds a user by an alias attribute in any letter case, only when the pool declares it', async () => {
    const pool = await poolWith({
      AliasAttributes: ['preferred_username'],
      UsernameConfiguration: { CaseSensitive: false },
    });
    await pool.saveUser(ctx, user('jane', JANE));

    expect((await pool.getUserByUsername(ctx, 'JANE'))?.Username).toBe('jane');
    expect((await pool.getUserByUsername(ctx, 'janed'))?.Username).toBe('jane');
    expect(await pool.getUserByUsername(ctx, 'jane.doe@example.com')).toBeNull();
  });

  it('matches names exactly in a case-sensitive pool and in one that does not say', async () => {
    for (const options of [{ UsernameConfiguration: { CaseSensitive: true } }, {}]) {
      const pool = await poolWith({ UsernameAttributes: ['email'], ...options });
      await pool.saveUser(ctx, user(JANE.sub, JANE));

      expect((await pool.getUserByUsername(ctx, JANE.email))?.Username).toBe(JANE.sub);
      expect(await pool.getUserByUsername(ctx, JANE.email.toLowerCase())).toBeNull();
    }
  });

  it('gives a user stored without a sub one the first time it is read, and keeps it', async () => {
    const pool = await poolWith({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
    await pool.saveUser(ctx, user('legacy.user@example.com', { email: 'legacy.user@example.com' }));

    const first = await pool.getUserByUsername(ctx, 'Legacy.User@example.com');
    const again = await pool.getUserByUsername(ctx, 'legacy.user@example.com');
    const sub = attributeValue('sub', first?.Attributes ?? []);

    expect(sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(attributeValue('sub', again?.Attributes ?? [])).toBe(sub);
    expect(attributeValue('email', again?.Attributes ?? [])).toBe('legacy.user@example.com');
  });
});
