import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { sesClient } from '@shared/aws/ses-client';
import { createLogger, type Logger, logText } from '@shared/logger';
import { createSesMailer } from '@shared/mailer';
import { invocationMetrics } from '@shared/metrics/invocation-metrics';
import { outcomeOfError } from '@shared/metrics/outcome';
import { lambdaFields } from '@shared/middleware/lambda-fields';
import type { EmailDeliveryDependencies } from '@shared/onboarding/email-delivery';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { type EmailOutboxConfig, loadEmailOutboxConfig } from './config';
import { type SweepReport, sweepOutbox } from './sweep';

/** The stores and clients a sweep uses; tests pass their own. */
export type EmailOutboxDependencies = Omit<EmailDeliveryDependencies, 'logger' | 'metrics' | 'signal'>;

/** The `TriggerSource` dimension of the outbox's metrics: what starts each run. */
export const SCHEDULED_RUN = 'Schedule';

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
 * Each scheduled run sweeps the outbox once; its lines carry what every function's do (request id, function name
 * and version, `coldStart`, X-Ray trace id), and its last line, `Outbox swept` or the failure, carries its metrics
 * in the Embedded Metric Format, from the same catalog as the triggers' (shared/metrics/catalog.ts): the emails by
 * what became of them, the outcome, duration and cold start. A failure to read the outbox fails the run; the next
 * run, a minute later, tries again.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 */
export function createEmailOutboxHandler(
  config: EmailOutboxConfig,
  dependencies: EmailOutboxDependencies = defaultEmailOutboxDependencies(config),
  logger: Logger = createLogger({ level: config.logLevel }),
) {
  let coldStart = true;
  return async (event: ScheduledEvent, context: Context): Promise<SweepReport> => {
    const log = logger.child({
      requestId: logText(context.awsRequestId),
      scheduledAt: logText(event.time),
      ...lambdaFields(context, coldStart),
    });
    const metrics = invocationMetrics({
      functionName: logText(context.functionName) ?? 'emailOutbox',
      triggerSource: SCHEDULED_RUN,
      coldStart,
    });
    coldStart = false;
    let report: SweepReport;
    try {
      report = await sweepOutbox({ ...dependencies, logger: log, metrics }, config, () =>
        context.getRemainingTimeInMillis(),
      );
    } catch (error) {
      log.emit(metrics.members(outcomeOfError(error)), {
        level: 'error',
        message: 'Could not sweep the outbox; the next run tries again',
        fields: { error },
      });
      throw error;
    }
    log.emit(metrics.members({ kind: 'Accepted' }), {
      level: 'info',
      message: 'Outbox swept',
      fields: { profiles: report.profiles, skipped: report.skipped, failed: report.failed },
    });
    return report;
  };
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createEmailOutboxHandler(loadEmailOutboxConfig(process.env));
