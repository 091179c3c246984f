import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { sesClient } from '@shared/aws/ses-client';
import { createLogger, type Logger } from '@shared/logger';
import { createSesMailer } from '@shared/mailer';
import type { EmailDeliveryDependencies } from '@shared/onboarding/email-delivery';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { type EmailOutboxConfig, loadEmailOutboxConfig } from './config';
import { sweepMetrics } from './metrics';
import { type SweepReport, sweepOutbox } from './sweep';

/** The stores and clients a sweep uses; tests pass their own. */
export type EmailOutboxDependencies = Omit<EmailDeliveryDependencies, 'logger'>;

/** The dependencies of the deployed function: the profiles table and SES, created on first use, and the clock. */
export function defaultEmailOutboxDependencies(config: EmailOutboxConfig): EmailOutboxDependencies {
  return {
    profiles: createDynamoDbProfileStore(dynamoDbClient, config.userProfilesTable),
    mailer: createSesMailer(sesClient),
    now: () => new Date(),
  };
}

/**
 * Builds the emailOutbox handler over `config` and `dependencies` (tests pass their own, and a logger `sink`).
 * Each scheduled run sweeps the outbox once and logs what it did as metrics (Embedded Metric Format). A failure to
 * read the outbox fails the run; the next run, a minute later, tries again.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 */
export function createEmailOutboxHandler(
  config: EmailOutboxConfig,
  dependencies: EmailOutboxDependencies = defaultEmailOutboxDependencies(config),
  logger: Logger = createLogger({ level: config.logLevel }),
) {
  return async (event: ScheduledEvent, context: Context): Promise<SweepReport> => {
    const log = logger.child({ requestId: context.awsRequestId, scheduledAt: event.time });
    let report: SweepReport;
    try {
      report = await sweepOutbox({ ...dependencies, logger: log }, config, () => context.getRemainingTimeInMillis());
    } catch (error) {
      log.error('Could not sweep the outbox; the next run tries again', { error });
      throw error;
    }
    log.info('Outbox swept', {
      profiles: report.profiles,
      skipped: report.skipped,
      failed: report.failed,
      ...sweepMetrics(report, config.metricsService, dependencies.now()),
    });
    return report;
  };
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createEmailOutboxHandler(loadEmailOutboxConfig(process.env));
