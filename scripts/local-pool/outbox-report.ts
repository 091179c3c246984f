import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EMAIL_DUTIES, type EmailDuty } from '@shared/onboarding/profile-store';

/** Where one onboarding email of a profile stands. */
export interface OutboxEntry {
  email: string;
  duty: EmailDuty;
  state: 'sent' | 'due' | 'parked';
  /** When it was sent or parked; for a due email, when the outbox tries it next. */
  at: string;
  attempts: number;
  lastError?: string;
}

/** The onboarding emails the profiles record, from a scan of the profiles table: sent, due and parked. */
export function outboxEntries(items: readonly Record<string, AttributeValue>[]): OutboxEntry[] {
  return items.flatMap((item) => {
    const text = (name: string) => item[name]?.S;
    return EMAIL_DUTIES.flatMap((duty): OutboxEntry[] => {
      const dueFor = text(`${duty}DueFor`);
      if (dueFor === undefined) return [];
      const attempts = Number(item[`${duty}Attempts`]?.N ?? '0');
      const lastError = text(`${duty}LastError`);
      const common = {
        email: text('email') ?? text('sub') ?? '?',
        duty,
        attempts,
        ...(lastError ? { lastError } : {}),
      };
      if (text(`${duty}SentFor`) === dueFor) return [{ ...common, state: 'sent', at: text(`${duty}SentAt`) ?? '' }];
      if (text(`${duty}ParkedFor`) === dueFor)
        return [{ ...common, state: 'parked', at: text(`${duty}ParkedAt`) ?? '' }];
      return [{ ...common, state: 'due', at: text('outboxAt') ?? dueFor }];
    });
  });
}

/** The entries as lines for `npm run pool -- mail`, due and parked first. */
export function formatOutbox(entries: readonly OutboxEntry[]): string {
  const order = { parked: 0, due: 1, sent: 2 } as const;
  const lines = [...entries]
    .sort((a, b) => order[a.state] - order[b.state] || a.at.localeCompare(b.at))
    .map(
      ({ email, duty, state, at, attempts, lastError }) =>
        `${state.padEnd(6)}  ${at.padEnd(24)}  ${duty.padEnd(14)}  ${email}` +
        (attempts > 0 ? `  (${attempts} failed: ${lastError ?? 'error'})` : ''),
    );
  return lines.join('\n') || 'No onboarding emails yet.';
}
