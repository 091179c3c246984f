import {
  type DeliveryOutcome,
  deliverDueEmail,
  type EmailDeliveryDependencies,
} from '@shared/onboarding/email-delivery';
import type { EmailOutboxConfig } from './config';

/** What one sweep did: emails by outcome, and the profiles it looked at. */
export interface SweepReport {
  profiles: number;
  sent: number;
  retrying: number;
  parked: number;
  /** Emails another invocation was sending, or that were sent meanwhile. */
  skipped: number;
  /** Emails whose record could not be read or written; they stay due. */
  failed: number;
}

/** Profiles read from the outbox at a time. */
const PAGE_SIZE = 25;
/** Time a sweep keeps in hand: it starts no page with less left (two SES attempts fit in it, with room to spare). */
const RESERVE_MS = 10_000;

function count(report: SweepReport, outcome: DeliveryOutcome): void {
  if (outcome === 'sent') report.sent += 1;
  else if (outcome === 'retrying') report.retrying += 1;
  else if (outcome === 'parked') report.parked += 1;
  else if (outcome === 'failed') report.failed += 1;
  else report.skipped += 1;
}

/**
 * Sends every email the outbox holds as due: the profiles of the `outbox` index whose `outboxAt` has come, page by
 * page, until none is left or the invocation's time runs short. Each email goes through the same claim as the
 * triggers' (see `deliverDueEmail`), so a sweep and a trigger, or two sweeps, never send one twice; a failed send
 * is tried again by a later sweep, after its backoff, and parked after `EMAIL_MAX_ATTEMPTS`. A profile left in the
 * outbox with nothing pending (its last write was lost) is settled. A profile is looked at once per sweep.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.sparse
 */
export async function sweepOutbox(
  dependencies: EmailDeliveryDependencies,
  config: EmailOutboxConfig,
  remainingTimeMs: () => number,
): Promise<SweepReport> {
  const report: SweepReport = { profiles: 0, sent: 0, retrying: 0, parked: 0, skipped: 0, failed: 0 };
  const { email } = config;
  if (email === undefined) {
    dependencies.logger.info('Emails are off (EMAIL_FROM is not set); not sweeping the outbox');
    return report;
  }
  const seen = new Set<string>();
  while (remainingTimeMs() > RESERVE_MS) {
    const now = dependencies.now();
    const page = (await dependencies.profiles.dueProfiles(now.toISOString(), PAGE_SIZE)).filter(
      ({ sub }) => sub !== '' && !seen.has(sub),
    );
    if (page.length === 0) break;
    for (const profile of page) {
      seen.add(profile.sub);
      report.profiles += 1;
      if (profile.pending.length === 0) await dependencies.profiles.settleOutbox(profile.sub);
      for (const duty of profile.pending) {
        const deadline = new Date(dependencies.now().getTime() + remainingTimeMs());
        count(report, await deliverDueEmail(dependencies, { email, retry: config.retry }, profile, duty, deadline));
      }
    }
  }
  return report;
}
