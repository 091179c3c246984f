import {
  type DeliveryOutcome,
  deliverDueEmail,
  type EmailDeliveryDependencies,
} from '@shared/onboarding/email-delivery';
import type { OutboxPosition } from '@shared/onboarding/profile-store';
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
/**
 * Time a sweep keeps in hand: it starts no page and no profile with less left (two SES attempts fit in it, with
 * room to spare).
 */
const RESERVE_MS = 10_000;

function count(report: SweepReport, outcome: DeliveryOutcome): void {
  if (outcome === 'sent') report.sent += 1;
  else if (outcome === 'retrying') report.retrying += 1;
  else if (outcome === 'parked') report.parked += 1;
  else if (outcome === 'failed') report.failed += 1;
  else report.skipped += 1;
}

/**
 * Sends every email the outbox held as due when the sweep started: the profiles of the `outbox` index whose
 * `outboxAt` had come, page after page, each page starting after the last profile of the one before, until none is
 * left or the invocation's time runs short. Each email goes through the same claim as the triggers' (see
 * `deliverDueEmail`), so a sweep and a trigger, or two sweeps, never send one twice; a failed send is tried again
 * by a later sweep, after its backoff, and parked after `EMAIL_MAX_ATTEMPTS`. A profile left in the outbox with
 * nothing pending (its last write was lost) is settled. A profile is looked at once per sweep.
 *
 * Profiles stay due at a past `outboxAt` while another invocation holds their claim (`not-claimed`), or when their
 * record could not be written (`lost-claim`, `failed`): the sweep pages past them, so however many there are they
 * hold up none behind them, and a later sweep looks at them again. Their `outboxAt` is left as it is: the
 * invocation holding the claim settles the profile or sets its retry time itself, and a claim left by a stopped
 * invocation lapses at its deadline, so the next sweep takes it over.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.sparse
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
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
  const dueBy = dependencies.now().toISOString();
  let after: OutboxPosition | undefined;
  while (remainingTimeMs() > RESERVE_MS) {
    const page = await dependencies.profiles.dueProfiles(dueBy, PAGE_SIZE, after);
    for (const profile of page) {
      if (remainingTimeMs() <= RESERVE_MS) return report;
      report.profiles += 1;
      if (profile.pending.length === 0) await dependencies.profiles.settleOutbox(profile.sub);
      for (const duty of profile.pending) {
        const deadline = new Date(dependencies.now().getTime() + remainingTimeMs());
        count(report, await deliverDueEmail(dependencies, { email, retry: config.retry }, profile, duty, deadline));
      }
    }
    if (page.length < PAGE_SIZE) break;
    after = page.at(-1);
  }
  return report;
}
