import type { SweepReport } from './sweep';

/** The CloudWatch namespace of the project's metrics. */
export const METRICS_NAMESPACE = 'CognitoFlows';

/** The metrics of one sweep, by their CloudWatch names: emails sent, tried again later, and parked. */
const SWEEP_METRICS = { EmailsSent: 'sent', EmailsRetrying: 'retrying', EmailsParked: 'parked' } as const;

/**
 * The fields of a log line in CloudWatch's Embedded Metric Format that publishes a sweep's counts as metrics of
 * `service` (one low-cardinality dimension): no SDK and no call, CloudWatch Logs extracts them. The alarm on parked
 * emails (resources/outbox.yml) watches `EmailsParked`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export function sweepMetrics(report: SweepReport, service: string, now: Date): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [['Service']],
          Metrics: Object.keys(SWEEP_METRICS).map((name) => ({ Name: name, Unit: 'Count' })),
        },
      ],
    },
    Service: service,
    ...Object.fromEntries(Object.entries(SWEEP_METRICS).map(([name, outcome]) => [name, report[outcome]])),
  };
}
