import { CognitoError } from '@scripts/local-pool/cognito/aws-errors';
import { ChallengeSessions, type ChallengeState } from '@scripts/local-pool/cognito/challenge-sessions';

const STATE: Omit<ChallengeState, 'expiresAt'> = {
  clientId: 'client-1',
  username: 'jane',
  userNotFound: false,
  challengeName: 'CUSTOM_CHALLENGE',
};

/** Sessions on a clock the test moves. */
function sessionsAt(start: number) {
  const clock = { now: start };
  return { clock, sessions: new ChallengeSessions(() => clock.now) };
}

/** What taking `id` raises, as the API words it. */
function refusalOf(take: () => unknown): { name: string; message: string } {
  try {
    take();
  } catch (error) {
    if (error instanceof CognitoError) return { name: error.code, message: error.message };
    throw error;
  }
  throw new Error('Expected a refusal.');
}

const INVALID = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };
const EXPIRED = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

describe('ChallengeSessions', () => {
  it('gives back the state once, with its expiry three minutes on', () => {
    const { sessions } = sessionsAt(1_000_000);
    const id = sessions.start(STATE);

    expect(sessions.take(id, 'client-1')).toEqual({ ...STATE, expiresAt: 1_000_000 + 180_000 });
    expect(refusalOf(() => sessions.take(id, 'client-1'))).toEqual(INVALID);
  });

  it('answers a session up to the last millisecond of its validity, and refuses it as expired after', () => {
    const { clock, sessions } = sessionsAt(0);
    const inTime = sessions.start(STATE);
    const late = sessions.start(STATE);

    clock.now = 179_999;
    expect(sessions.take(inTime, 'client-1').username).toBe('jane');
    clock.now = 180_000;
    expect(refusalOf(() => sessions.take(late, 'client-1'))).toEqual(EXPIRED);
  });

  it('takes the validity it is given', () => {
    const { clock, sessions } = sessionsAt(0);
    const id = sessions.start(STATE, 15);

    clock.now = 14 * 60_000;

    expect(sessions.take(id).expiresAt).toBe(15 * 60_000);
  });

  it('refuses an unknown value, one that is not a string, and another client’s session', () => {
    const { sessions } = sessionsAt(0);
    const id = sessions.start(STATE);

    expect(refusalOf(() => sessions.take('not-a-session', 'client-1'))).toEqual(INVALID);
    expect(refusalOf(() => sessions.take(42, 'client-1'))).toEqual(INVALID);
    expect(refusalOf(() => sessions.take(id, 'client-2'))).toEqual(INVALID);
    expect(sessions.take(id).clientId).toBe('client-1');
  });

  it('answers a restored session again under the same value', () => {
    const { sessions } = sessionsAt(0);
    const id = sessions.start(STATE);
    const state = sessions.take(id, 'client-1');

    sessions.restore(id, { ...state, otp: { code: '123456', failures: 1 } });

    expect(sessions.take(id, 'client-1').otp).toEqual({ code: '123456', failures: 1 });
  });

  it('forgets expired sessions when a new one starts', () => {
    const { clock, sessions } = sessionsAt(0);
    const old = sessions.start(STATE);

    clock.now = 180_000;
    sessions.start(STATE);

    expect(refusalOf(() => sessions.take(old, 'client-1'))).toEqual(INVALID);
  });

  it('makes every session value unique and opaque', () => {
    const { sessions } = sessionsAt(0);
    const ids = Array.from({ length: 50 }, () => sessions.start(STATE));

    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).not.toContain('jane');
  });
});
