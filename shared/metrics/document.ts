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

/** The dimension sets of each outcome's metric. */
const OUTCOME_DIMENSIONS: Readonly<Record<Outcome['kind'], DimensionSets>> = {
  Accepted: METRICS.Accepted.dimensions,
  Refused: METRICS.Refused.dimensions,
  Failed: METRICS.Failed.dimensions,
};

/**
 * The `CloudWatchMetrics` directives as JSON, for the metrics of a document by name with their dimension sets:
 * one directive per dimension set in use. They are the same for every invocation that publishes the same metrics,
 * so each combination is serialised once per container.
 */
const directivesJson = new Map<string, string>();

function directivesFor(published: readonly [MetricName, DimensionSets][]): string {
  const key = published.map(([name]) => name).join();
  let json = directivesJson.get(key);
  if (json === undefined) {
    const bySet = new Map<DimensionSets, { Name: MetricName; Unit: string }[]>();
    for (const [name, set] of published) {
      bySet.set(set, [...(bySet.get(set) ?? []), { Name: name, Unit: METRICS[name].unit }]);
    }
    json = JSON.stringify(
      [...bySet].map(([set, metrics]) => ({
        Namespace: METRICS_NAMESPACE,
        Dimensions: DIMENSION_SETS[set],
        Metrics: metrics,
      })),
    );
    directivesJson.set(key, json);
  }
  return json;
}

/** One JSON member: `"name":value`. */
const member = (name: string, value: string | number): string => `,${JSON.stringify(name)}:${JSON.stringify(value)}`;

/**
 * The Embedded Metric Format members of an invocation's outcome line, as JSON text to close the line with
 * (`"_aws":{…},"FunctionName":"…",…`): `_aws` with its directives, the dimensions' values, and each metric's
 * value. CloudWatch Logs extracts one metric per directive, metric and dimension set; a metric that did not happen
 * is absent, not zero. The line is written on every invocation, so the members are joined as text rather than
 * serialised as an object.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export function metricMembers(report: InvocationReport): string {
  const { outcome } = report;
  const published: [MetricName, DimensionSets][] = [
    [outcome.kind, OUTCOME_DIMENSIONS[outcome.kind]],
    ['Duration', METRICS.Duration.dimensions],
  ];
  let values = `${member(outcome.kind, 1)}${member('Duration', Math.round(report.durationMs * 100) / 100)}`;
  if (report.coldStart) {
    published.push(['ColdStart', METRICS.ColdStart.dimensions]);
    values += member('ColdStart', 1);
  }
  for (const [metric, count] of report.counts) {
    published.push([metric, METRICS[metric].dimensions]);
    values += member(metric, count);
  }
  const dimensions =
    member('FunctionName', report.functionName) +
    member('TriggerSource', report.triggerSource) +
    (outcome.kind === 'Refused' ? member('Rule', outcome.rule) : '') +
    (outcome.kind === 'Failed' ? member('Dependency', outcome.dependency) : '');
  return `"_aws":{"Timestamp":${report.timestamp},"CloudWatchMetrics":${directivesFor(published)}}${dimensions}${values}`;
}
