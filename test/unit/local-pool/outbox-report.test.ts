import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { formatOutbox, outboxEntries } from '@scripts/local-pool/outbox-report';

const s = (value: string) => ({ S: value });

describe('the outbox report of npm run pool -- mail', () => {
  const items: Record<string, AttributeValue>[] = [
    {
      sub: s('a'),
      email: s('sent.user@example.com'),
      welcomeEmailDueFor: s('2026-11-26T10:00:00.000Z'),
      welcomeEmailSentFor: s('2026-11-26T10:00:00.000Z'),
      welcomeEmailSentAt: s('2026-11-26T10:00:01.000Z'),
    },
    {
      sub: s('b'),
      email: s('due.user@example.com'),
      welcomeEmailDueFor: s('2026-11-26T10:05:00.000Z'),
      welcomeEmailAttempts: { N: '2' },
      welcomeEmailLastError: s('Throttling'),
      outbox: s('due'),
      outboxAt: s('2026-11-26T10:09:00.000Z'),
    },
    {
      sub: s('c'),
      email: s('parked.user@example.com'),
      passwordNoticeDueFor: s('2026-11-26T09:00:00.000Z'),
      passwordNoticeParkedFor: s('2026-11-26T09:00:00.000Z'),
      passwordNoticeParkedAt: s('2026-11-26T09:31:00.000Z'),
      passwordNoticeAttempts: { N: '5' },
      passwordNoticeLastError: s('MessageRejected'),
    },
    { sub: s('d'), email: s('no.email@example.com') },
  ];

  it('says of each onboarding email whether it was sent, is due (and when next), or is parked', () => {
    expect(outboxEntries(items)).toEqual([
      {
        email: 'sent.user@example.com',
        duty: 'welcomeEmail',
        state: 'sent',
        at: '2026-11-26T10:00:01.000Z',
        attempts: 0,
      },
      {
        email: 'due.user@example.com',
        duty: 'welcomeEmail',
        state: 'due',
        at: '2026-11-26T10:09:00.000Z',
        attempts: 2,
        lastError: 'Throttling',
      },
      {
        email: 'parked.user@example.com',
        duty: 'passwordNotice',
        state: 'parked',
        at: '2026-11-26T09:31:00.000Z',
        attempts: 5,
        lastError: 'MessageRejected',
      },
    ]);
  });

  it('lists parked and due emails first', () => {
    expect(
      formatOutbox(outboxEntries(items))
        .split('\n')
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['parked', 'due', 'sent']);
    expect(formatOutbox([])).toBe('No onboarding emails yet.');
  });
});
