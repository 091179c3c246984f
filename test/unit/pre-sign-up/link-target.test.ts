import { linkTarget } from '@functions/pre-sign-up/link-target';
import type { PoolUser } from '@functions/pre-sign-up/native-users';

function user(username: string, overrides: Partial<PoolUser> = {}): PoolUser {
  return {
    username,
    status: 'CONFIRMED',
    createdAt: new Date('2026-01-05T10:00:00Z'),
    attributes: { email: 'tariq.benali@example.com', email_verified: 'true' },
    ...overrides,
  };
}

describe('linkTarget', () => {
  it('picks a native user with a verified email', () => {
    expect(linkTarget([user('native')])?.username).toBe('native');
  });

  it('never picks a federated user or a user whose email is not verified', () => {
    const federated = user('google_1', { status: 'EXTERNAL_PROVIDER' });
    const unverified = user('unverified', {
      attributes: { email: 'tariq.benali@example.com', email_verified: 'false' },
    });
    const noStatus = user('no-status', { status: undefined });

    expect(linkTarget([federated, unverified, noStatus])).toBeUndefined();
  });

  it('picks the oldest account, then the smallest user name, whatever the order given', () => {
    const newer = user('a-newer', { createdAt: new Date('2026-03-01T00:00:00Z') });
    const older = user('z-older', { createdAt: new Date('2025-03-01T00:00:00Z') });
    const twin = user('b-twin', { createdAt: new Date('2025-03-01T00:00:00Z') });

    expect(linkTarget([newer, older, twin])?.username).toBe('b-twin');
    expect(linkTarget([twin, newer, older])?.username).toBe('b-twin');
  });
});
