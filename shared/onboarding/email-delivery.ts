import { normaliseEmail } from '@shared/email';
import type { Logger } from '@shared/logger';
import type { Mailer } from '@shared/mailer';
import type { FlowMetric } from '@shared/metrics/catalog';
import type { Metrics } from '@shared/metrics/invocation-metrics';
import { nodeCrypto } from '@shared/node-crypto';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { renderOnboardingEmail } from './emails';
import type { EmailDuty, ProfileStore } from './profile-store';
import type { EmailSettings, RetrySettings } from './settings';

/**
 * What sending a due email needs: the profiles (and their outbox), SES, the logger, the invocation's metrics and
 * abort signal (see `StepContext.signal`), and the clock.
 */
export interface EmailDeliveryDependencies {
  readonly profiles: ProfileStore;
  readonly mailer: Mailer;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly signal?: AbortSignal;
  now(): Date;
}

/** Whom an email goes to: the profile's key and the attributes it is rendered from (`email`, `name`, `locale`…). */
export interface Recipient {
  sub: string;
  attributes: StringMap;
}

/** What happened to one due email. */
export type DeliveryOutcome = 'sent' | 'not-claimed' | 'retrying' | 'parked' | 'lost-claim' | 'failed';

/**
 * The metric a delivery counts: `EmailsSent` for any email SES accepted (even when recording it failed or its claim
 * had lapsed), else its outcome's. An email whose failure could not be recorded (another invocation took the claim
 * over) stays due, as a retried one does.
 */
function metricOf(outcome: DeliveryOutcome, accepted: boolean): FlowMetric {
  if (accepted) return 'EmailsSent';
  switch (outcome) {
    case 'not-claimed':
      return 'EmailsDuplicate';
    case 'parked':
      return 'EmailsParked';
    case 'failed':
      return 'EmailsFailed';
    default:
      return 'EmailsRetrying';
  }
}

/** How long after its `attempts`-th failed send the outbox tries an email again: 1, 2, 4… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** The name of the error behind a failed send, for the profile's record: the SDK's name, never its message. */
function errorName(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.name : 'Error';
}

/**
 * Whether an email can be sent to these attributes at all: emails are on (`EMAIL_FROM`) and the user has a usable
 * address. An email is marked due only then, so the outbox never holds one it could not send.
 */
export function canEmail(email: EmailSettings | undefined, attributes: StringMap): boolean {
  return email !== undefined && normaliseEmail(attributes['email'] ?? '') !== undefined;
}

/**
 * Sends `recipient` the due email `duty` at most once per occasion, however many invocations try at once, and
 * never throws:
 *
 * - The profile must grant a claim ({@link ProfileStore.claimEmail}) lasting until `claimUntil`, the caller's
 *   deadline: concurrent duplicates lose it and send nothing; a claim left by an invocation Lambda stopped lapses,
 *   and the next try takes it over.
 * - After SES accepts the email the profile records it as sent, so later tries send nothing.
 * - When SES fails, the attempt is counted and the claim dropped; the outbox tries again after
 *   {@link retryDelayMs}, and parks the email after `emailMaxAttempts` failed sends.
 * - Either way the profile leaves the outbox, or is marked parked, once no email of it is pending.
 * - Each email counts once in its outcome's metric: `EmailsSent`, `EmailsDuplicate` (not claimed),
 *   `EmailsRetrying`, `EmailsParked` or `EmailsFailed` (its record could not be read or written; it stays due).
 *
 * @see https://docs.aws.amazon.com/ses/latest/APIReference/API_SendEmail.html
 */
export async function deliverDueEmail(
  dependencies: EmailDeliveryDependencies,
  settings: { email: EmailSettings; retry: RetrySettings },
  recipient: Recipient,
  duty: EmailDuty,
  claimUntil: Date,
): Promise<DeliveryOutcome> {
  let sent = false;
  const outcome = await deliver(dependencies, settings, recipient, duty, claimUntil, () => {
    sent = true;
  });
  dependencies.metrics.count(metricOf(outcome, sent));
  return outcome;
}

async function deliver(
  { profiles, mailer, logger, now, signal }: EmailDeliveryDependencies,
  { email, retry }: { email: EmailSettings; retry: RetrySettings },
  recipient: Recipient,
  duty: EmailDuty,
  claimUntil: Date,
  accepted: () => void,
): Promise<DeliveryOutcome> {
  const fields = { emailKind: duty };
  const { sub, attributes } = recipient;
  try {
    const to = normaliseEmail(attributes['email'] ?? '');
    const startedAt = now();
    const claim = { id: nodeCrypto().randomUUID(), expiresAt: claimUntil.toISOString(), now: startedAt.toISOString() };
    if (!(await profiles.claimEmail(sub, duty, claim, signal))) {
      logger.info('Email not due, already sent, or being sent by another invocation; not sending', fields);
      return 'not-claimed';
    }
    let outcome: DeliveryOutcome;
    try {
      if (to === undefined) throw new Error('The profile has no usable email address.', { cause: noAddress() });
      const rendered = renderOnboardingEmail(duty, attributes, email.branding);
      await mailer.send(
        {
          from: email.emailFrom,
          to,
          replyTo: email.branding.supportEmail,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
        },
        signal,
      );
      accepted();
      if (await profiles.completeEmail(sub, duty, claim.id, now().toISOString(), signal)) {
        logger.info('Email sent', { ...fields, language: rendered.language });
        outcome = 'sent';
      } else {
        logger.warn('Email sent after its claim had lapsed; another invocation may send it too', fields);
        outcome = 'lost-claim';
      }
    } catch (error) {
      const failedAt = now();
      const failure = {
        at: failedAt.toISOString(),
        error: errorName(error),
        retryAt: (attempts: number) => new Date(failedAt.getTime() + retryDelayMs(attempts)).toISOString(),
        maxAttempts: retry.emailMaxAttempts,
      };
      outcome = await profiles
        .failEmail(sub, duty, claim.id, failure, signal)
        .then((result) => (result === 'not-held' ? 'lost-claim' : result));
      if (outcome === 'parked') {
        logger.error('Could not send the email; it is parked for an operator', { ...fields, error });
      } else {
        logger.error('Could not send the email; the outbox tries again', { ...fields, error });
      }
    }
    await profiles.settleOutbox(sub, signal);
    return outcome;
  } catch (error) {
    logger.error('Email not sent; it stays due and the outbox sends it', { ...fields, error });
    return 'failed';
  }
}

function noAddress(): Error {
  const error = new Error('No usable email address.');
  error.name = 'NoUsableAddress';
  return error;
}
