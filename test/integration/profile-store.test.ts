import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { newProfile } from '@shared/onboarding/profile';
import { createDynamoDbProfileStore, type EmailClaim, type ProfileStore } from '@shared/onboarding/profile-store';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';

const T0 = new Date('2026-11-26T10:15:00.000Z');
const SIGN_UP_SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const RESET_SUB = 'e7306c4b-1f8a-70d9-0b6e-5c2a7d94e318';

let dynamo: LocalDynamoDb;
let store: ProfileStore;
let table: string;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo?.stop();
});

beforeEach(async () => {
  tables += 1;
  table = `profiles-${tables}`;
  await dynamo.createTable('UserProfilesTable', table);
  store = createDynamoDbProfileStore(async () => dynamo.client, table);
});

function at(secondsAfterT0: number): string {
  return new Date(T0.getTime() + secondsAfterT0 * 1000).toISOString();
}

/** A claim made at `now` by an invocation whose deadline is 5 seconds later. */
function claim(id: string, now = at(0)): EmailClaim {
  return { id, now, expiresAt: new Date(Date.parse(now) + 5_000).toISOString() };
}

async function item(sub: string): Promise<Record<string, string> | undefined> {
  const { Item } = await dynamo.client.send(
    new GetItemCommand({ TableName: table, Key: { sub: { S: sub } }, ConsistentRead: true }),
  );
  return (
    Item && Object.fromEntries(Object.entries(Item).map(([key, value]) => [key, value.S ?? JSON.stringify(value)]))
  );
}

/** A failed send at `secondsAfterT0`, tried again a minute per attempt later, parked after three attempts. */
function failure(secondsAfterT0: number, maxAttempts = 3) {
  return {
    at: at(secondsAfterT0),
    error: 'Throttling',
    retryAt: (attempts: number) => at(secondsAfterT0 + attempts * 60),
    maxAttempts,
  };
}

const signUpProfile = (now = T0) => newProfile(loadFixture('PostConfirmation_ConfirmSignUp'), now);
const resetProfile = (now = T0) => newProfile(loadFixture('PostConfirmation_ConfirmForgotPassword'), now);
const change = (secondsAfterT0: number, windowSeconds = 120) => ({
  at: at(secondsAfterT0),
  duplicateAfter: at(secondsAfterT0 - windowSeconds),
});

describe('profile creation', () => {
  it('creates the profile with its attributes and the welcome email due', async () => {
    expect(await store.create(signUpProfile(), ['welcomeEmail'], at(5))).toBe('created');

    expect(await item(SIGN_UP_SUB)).toEqual({
      sub: SIGN_UP_SUB,
      userName: SIGN_UP_SUB,
      createdAt: at(0),
      createdBy: 'PostConfirmation_ConfirmSignUp',
      email: 'jonas.lindqvist@example.com',
      name: 'Jonas Lindqvist',
      welcomeEmailDueFor: at(0),
      outbox: 'due',
      outboxAt: at(5),
    });
  });

  it('leaves an existing profile unchanged', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    const later = signUpProfile(new Date(at(60)));
    later.attributes.name = 'Someone Else';

    expect(await store.create(later, ['welcomeEmail'], at(5))).toBe('exists');
    expect(await item(SIGN_UP_SUB)).toMatchObject({
      name: 'Jonas Lindqvist',
      createdAt: at(0),
      welcomeEmailDueFor: at(0),
    });
  });

  it('creates one profile when duplicates run concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map(() => store.create(signUpProfile(), ['welcomeEmail'], at(5))));

    expect(results.sort()).toEqual(['created', 'exists', 'exists']);
  });
});

describe('password change records', () => {
  it('creates the profile of a user who has none, with the change and its notice due', async () => {
    expect(await store.recordPasswordChange(resetProfile(), change(0), ['passwordNotice'], at(5))).toBe('recorded');

    expect(await item(RESET_SUB)).toEqual({
      sub: RESET_SUB,
      userName: RESET_SUB,
      createdAt: at(0),
      createdBy: 'PostConfirmation_ConfirmForgotPassword',
      email: 'lena.fischer@example.com',
      name: 'Lena Fischer',
      locale: 'en',
      passwordChangedAt: at(0),
      passwordNoticeDueFor: at(0),
      outbox: 'due',
      outboxAt: at(5),
    });
  });

  it('keeps what an existing profile holds and adds only what it lacks', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    const reset = signUpProfile(new Date(at(3600)));
    reset.createdBy = 'PostConfirmation_ConfirmForgotPassword';
    reset.attributes = { ...reset.attributes, name: 'Renamed', locale: 'fr' };

    await store.recordPasswordChange(reset, change(3600), ['passwordNotice'], at(5));

    expect(await item(SIGN_UP_SUB)).toMatchObject({
      createdAt: at(0),
      createdBy: 'PostConfirmation_ConfirmSignUp',
      name: 'Jonas Lindqvist',
      locale: 'fr',
      welcomeEmailDueFor: at(0),
      passwordChangedAt: at(3600),
      passwordNoticeDueFor: at(3600),
    });
  });

  it('treats a change within the window of the recorded one as a duplicate, and a later one as new', async () => {
    await store.recordPasswordChange(resetProfile(), change(0), ['passwordNotice'], at(5));

    expect(await store.recordPasswordChange(resetProfile(), change(119), ['passwordNotice'], at(5))).toBe('duplicate');
    expect(await item(RESET_SUB)).toMatchObject({ passwordChangedAt: at(0), passwordNoticeDueFor: at(0) });

    expect(await store.recordPasswordChange(resetProfile(), change(121), ['passwordNotice'], at(5))).toBe('recorded');
    expect(await item(RESET_SUB)).toMatchObject({ passwordChangedAt: at(121), passwordNoticeDueFor: at(121) });
  });

  it('records one change when duplicates run concurrently', async () => {
    const results = await Promise.all(
      [0, 1, 2].map((seconds) =>
        store.recordPasswordChange(resetProfile(), change(seconds), ['passwordNotice'], at(5)),
      ),
    );

    expect(results.filter((result) => result === 'recorded')).toHaveLength(1);
  });
});

describe('email claims', () => {
  it('grants no claim for a user without a profile, or for an email that is not due', async () => {
    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'))).toBe(false);
    await store.create(signUpProfile(), [], at(5));

    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'))).toBe(false);
    expect(await item(SIGN_UP_SUB)).not.toHaveProperty('welcomeEmailClaimId');
  });

  it('grants the claim on a due email once while it is held, then records the email as sent', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));

    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'))).toBe(true);
    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('b', at(1)))).toBe(false);
    expect(await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(2))).toBe(true);

    const profile = await item(SIGN_UP_SUB);
    expect(profile).toMatchObject({ welcomeEmailSentFor: at(0), welcomeEmailSentAt: at(2) });
    expect(Object.keys(profile ?? {}).filter((key) => key.startsWith('welcomeEmailClaim'))).toEqual([]);
  });

  it('grants no claim once the email was sent for its occasion, even long after', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'));
    await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(1));

    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('b', at(3600)))).toBe(false);
  });

  it('lets the claim of a failed send be taken at once', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'));

    expect(await store.failEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', failure(1))).toBe('retrying');
    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('b', at(1)))).toBe(true);
  });

  it('lets a claim be taken over once its invocation is past its deadline, and then ignores its old holder', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a', at(0)));

    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('b', at(4)))).toBe(false);
    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('b', at(6)))).toBe(true);
    expect(await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(12))).toBe(false);
    expect(await store.failEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', failure(12))).toBe('not-held');
    expect(await item(SIGN_UP_SUB)).toMatchObject({ welcomeEmailClaimId: 'b' });
  });

  it('grants one claim when invocations claim concurrently', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));

    const granted = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((id) => store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim(id))),
    );

    expect(granted.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the claims of different emails apart', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.recordPasswordChange(signUpProfile(new Date(at(60))), change(60), ['passwordNotice'], at(5));

    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'))).toBe(true);
    expect(await store.claimEmail(SIGN_UP_SUB, 'passwordNotice', claim('b'))).toBe(true);
  });

  it('owes a new notice for a change recorded while the notice of the previous one was being sent', async () => {
    await store.recordPasswordChange(resetProfile(), change(0), ['passwordNotice'], at(5));
    await store.claimEmail(RESET_SUB, 'passwordNotice', claim('a', at(1)));
    await store.recordPasswordChange(resetProfile(), change(200), ['passwordNotice'], at(5));

    await store.completeEmail(RESET_SUB, 'passwordNotice', 'a', at(2));

    expect(await item(RESET_SUB)).toMatchObject({ passwordNoticeSentFor: at(0), passwordNoticeDueFor: at(200) });
    expect(await store.claimEmail(RESET_SUB, 'passwordNotice', claim('b', at(201)))).toBe(true);
  });
});

describe('the outbox', () => {
  /** The subs of the profiles the outbox has due at `now`. */
  async function dueAt(now: string) {
    return (await store.dueProfiles(now, 25)).map(({ sub, pending }) => ({ sub, pending }));
  }

  it('holds a profile with a due email from when its creating invocation is past its deadline', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.create(resetProfile(), [], at(5));

    expect(await dueAt(at(4))).toEqual([]);
    expect(await store.dueProfiles(at(5), 25)).toEqual([
      {
        sub: SIGN_UP_SUB,
        outboxAt: at(5),
        attributes: { email: 'jonas.lindqvist@example.com', name: 'Jonas Lindqvist' },
        pending: ['welcomeEmail'],
      },
    ]);
  });

  it('pages on after the last profile of a page, oldest first, each profile once even where outboxAt ties', async () => {
    const profileOf = (sub: string) => ({ ...signUpProfile(), sub });
    await store.create(profileOf('c'), ['welcomeEmail'], at(5));
    await store.create(profileOf('b'), ['welcomeEmail'], at(7));
    await store.create(profileOf('a'), ['welcomeEmail'], at(7));

    const first = await store.dueProfiles(at(10), 2);
    const second = await store.dueProfiles(at(10), 2, first.at(-1));

    expect(first.map(({ sub, outboxAt }) => [sub, outboxAt])).toEqual([
      ['c', at(5)],
      [expect.stringMatching(/^[ab]$/), at(7)],
    ]);
    expect([...first, ...second].map(({ sub }) => sub).sort()).toEqual(['a', 'b', 'c']);
    expect(await store.dueProfiles(at(10), 2, second.at(-1))).toEqual([]);
  });

  it('fills a page that DynamoDB cut short at 1 MB read', async () => {
    // Twelve profiles of about 100 KB each: more than one query answer holds.
    const name = 'n'.repeat(100_000);
    for (let n = 0; n < 12; n += 1) {
      await store.create({ ...signUpProfile(), sub: `big-${n}`, attributes: { name } }, ['welcomeEmail'], at(5));
    }

    expect(await store.dueProfiles(at(10), 25)).toHaveLength(12);
    expect(await store.dueProfiles(at(10), 11)).toHaveLength(11);
  });

  it('lets the profile go once every email was sent', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'));
    await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(1));

    expect(await store.settleOutbox(SIGN_UP_SUB)).toBe('settled');
    expect(await item(SIGN_UP_SUB)).not.toHaveProperty('outbox');
    expect(await dueAt(at(3600))).toEqual([]);
  });

  it('keeps the profile while another email of it is due', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.recordPasswordChange(signUpProfile(new Date(at(60))), change(60), ['passwordNotice'], at(65));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'));
    await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(1));

    expect(await store.settleOutbox(SIGN_UP_SUB)).toBe('due');
    expect(await dueAt(at(3600))).toEqual([{ sub: SIGN_UP_SUB, pending: ['passwordNotice'] }]);
  });

  it('counts failed sends, tries again after each backoff, and parks the email after the last attempt', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));

    for (const [seconds, expected] of [
      [10, 'retrying'],
      [100, 'retrying'],
      [300, 'parked'],
    ] as const) {
      expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim(`try-${seconds}`, at(seconds)))).toBe(true);
      expect(await store.failEmail(SIGN_UP_SUB, 'welcomeEmail', `try-${seconds}`, failure(seconds))).toBe(expected);
      if (expected === 'retrying') {
        expect(await dueAt(at(seconds + 59))).toEqual([]);
      }
    }
    expect(await store.settleOutbox(SIGN_UP_SUB)).toBe('parked');

    expect(await item(SIGN_UP_SUB)).toMatchObject({
      welcomeEmailAttempts: JSON.stringify({ N: '3' }),
      welcomeEmailLastError: 'Throttling',
      welcomeEmailParkedFor: at(0),
      welcomeEmailParkedAt: at(300),
      outbox: 'parked',
    });
    expect(await dueAt(at(36_000))).toEqual([]);
    expect(await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('late', at(36_000)))).toBe(false);
  });

  it('starts the record of a new occasion afresh: a parked notice does not stop the next change’s notice', async () => {
    await store.recordPasswordChange(resetProfile(), change(0), ['passwordNotice'], at(5));
    await store.claimEmail(RESET_SUB, 'passwordNotice', claim('a', at(1)));
    await store.failEmail(RESET_SUB, 'passwordNotice', 'a', failure(1, 1));
    await store.settleOutbox(RESET_SUB);

    await store.recordPasswordChange(resetProfile(), change(600), ['passwordNotice'], at(605));

    expect(await dueAt(at(605))).toEqual([{ sub: RESET_SUB, pending: ['passwordNotice'] }]);
    expect(await item(RESET_SUB)).not.toHaveProperty('passwordNoticeAttempts');
  });

  it('settles one way when duplicates settle concurrently', async () => {
    await store.create(signUpProfile(), ['welcomeEmail'], at(5));
    await store.claimEmail(SIGN_UP_SUB, 'welcomeEmail', claim('a'));
    await store.completeEmail(SIGN_UP_SUB, 'welcomeEmail', 'a', at(1));

    const results = await Promise.all([0, 1, 2].map(() => store.settleOutbox(SIGN_UP_SUB)));

    expect(results.filter((result) => result === 'settled')).toHaveLength(1);
    expect(await item(SIGN_UP_SUB)).not.toHaveProperty('outbox');
  });
});

describe('sign-ins', () => {
  it('records the last sign-in on a profile, and writes nothing for a user without one', async () => {
    await store.create(signUpProfile(), [], at(5));

    expect(await store.recordSignIn(SIGN_UP_SUB, at(90))).toBe('recorded');
    expect(await store.recordSignIn(RESET_SUB, at(90))).toBe('no-profile');

    expect(await item(SIGN_UP_SUB)).toMatchObject({ lastSignInAt: at(90) });
    expect(await item(RESET_SUB)).toBeUndefined();
  });
});
