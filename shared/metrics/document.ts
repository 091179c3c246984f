import {
  DIMENSION_SETS,
  type DimensionSets,
  type FlowMetric,
  METRICS,
  METRICS_NAMESPACE,
  type MetricName,
} from './catalog';

/** How an invocation ended, as its metrics tell it: answered, refused by a rule, or failed on something. */
export type Outcome =
  | { readonly kind: 'Accepted' }
  | { readonly kind: 'Refused'; readonly rule: string }
  | { readonly kind: 'Failed'; readonly dependency: string };

/** What one invocation's metric document reports. */
export interface InvocationReport {
  readonly functionName: string;
  readonly triggerSource: string;
  readonly outcome: Outcome;
  readonly durationMs: number;
  readonly coldStart: boolean;
  /** What the flow counted. */
  readonly counts: ReadonlyMap<FlowMetric, number>;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
}

interface MetricEntry {
  readonly Name: MetricName;
  readonly Unit: string;
}

const ENTRIES = Object.fromEntries(
  Object.entries(METRICS).map(([name, { unit }]) => [name, Object.freeze({ Name: name, Unit: unit })]),
) as Readonly<Record<MetricName, MetricEntry>>;

/** The dimension sets of each outcome's metric. */
const OUTCOME_DIMENSIONS: Readonly<Record<Outcome['kind'], DimensionSets>> = {
  Accepted: METRICS.Accepted.dimensions,
  Refused: METRICS.Refused.dimensions,
  Failed: METRICS.Failed.dimensions,
};

/**
 * The Embedded Metric Format members of an invocation's outcome line: `_aws` with one directive per dimension set
 * in use, the dimensions' values and each metric's value. CloudWatch Logs extracts one metric per directive, metric
 * and dimension set; a metric the flow did not count is absent, not zero.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export function metricDocument(report: InvocationReport): Record<string, unknown> {
  const { outcome } = report;
  const values: Partial<Record<MetricName, number>> = {
    [outcome.kind]: 1,
    Duration: Math.round(report.durationMs * 100) / 100,
  };
  if (report.coldStart) values.ColdStart = 1;
  for (const [metric, count] of report.counts) values[metric] = count;

  const bySet = new Map<DimensionSets, MetricEntry[]>();
  for (const name of Object.keys(values) as MetricName[]) {
    const set = name === outcome.kind ? OUTCOME_DIMENSIONS[outcome.kind] : METRICS[name].dimensions;
    const entries = bySet.get(set) ?? [];
    entries.push(ENTRIES[name]);
    bySet.set(set, entries);
  }
  return {
    _aws: {
      Timestamp: report.timestamp,
      CloudWatchMetrics: [...bySet].map(([set, entries]) => ({
        Namespace: METRICS_NAMESPACE,
        Dimensions: DIMENSION_SETS[set],
        Metrics: entries,
      })),
    },
    FunctionName: report.functionName,
    TriggerSource: report.triggerSource,
    ...(outcome.kind === 'Refused' && { Rule: outcome.rule }),
    ...(outcome.kind === 'Failed' && { Dependency: outcome.dependency }),
    ...values,
  };
}
