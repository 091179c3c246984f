/**
 * Checks a log line against the rules of CloudWatch's Embedded Metric Format, as CloudWatch Logs applies them when
 * it extracts metrics: the `_aws` member with a millisecond `Timestamp` and its directives, each with a namespace, at
 * most 30 dimensions per set, each dimension a string member of the line, at most 100 metrics, each a number (or
 * array of numbers) member of the line, with a unit CloudWatch knows.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/** The units of sizes and bit counts, which CloudWatch also accepts per second. */
const SIZE_UNITS = [
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
];

/** The units CloudWatch accepts (`StandardUnit`). */
const UNITS = new Set([
  ...['Seconds', 'Microseconds', 'Milliseconds', 'Percent', 'Count', 'None'],
  ...SIZE_UNITS,
  ...[...SIZE_UNITS, 'Count'].map((unit) => `${unit}/Second`),
]);

interface Directive {
  Namespace?: unknown;
  Dimensions?: unknown;
  Metrics?: unknown;
}

/** What is wrong with `line` as an Embedded Metric Format document; empty when nothing is. */
export function emfProblems(line: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const aws = line._aws as { Timestamp?: unknown; CloudWatchMetrics?: unknown } | undefined;
  if (typeof aws !== 'object' || aws === null) return ['no _aws member'];
  if (!Number.isInteger(aws.Timestamp)) problems.push('_aws.Timestamp is not a whole number of milliseconds');
  if (!Array.isArray(aws.CloudWatchMetrics) || aws.CloudWatchMetrics.length === 0) {
    return [...problems, '_aws.CloudWatchMetrics is not a non-empty array'];
  }
  for (const [index, directive] of (aws.CloudWatchMetrics as Directive[]).entries()) {
    const at = `directive ${index}`;
    if (typeof directive.Namespace !== 'string' || directive.Namespace === '') problems.push(`${at}: no namespace`);
    for (const set of Array.isArray(directive.Dimensions) ? (directive.Dimensions as unknown[]) : [undefined]) {
      if (!Array.isArray(set) || set.length > 30) {
        problems.push(`${at}: a dimension set is not an array of at most 30 names`);
        continue;
      }
      for (const name of set) {
        if (typeof line[name as string] !== 'string')
          problems.push(`${at}: dimension ${String(name)} is not a string member`);
      }
    }
    const metrics = Array.isArray(directive.Metrics) ? (directive.Metrics as { Name?: unknown; Unit?: unknown }[]) : [];
    if (metrics.length === 0 || metrics.length > 100) problems.push(`${at}: not 1 to 100 metrics`);
    for (const { Name, Unit } of metrics) {
      const value = line[Name as string];
      const numeric =
        typeof value === 'number' || (Array.isArray(value) && value.every((item) => typeof item === 'number'));
      if (!numeric) problems.push(`${at}: metric ${String(Name)} has no numeric member`);
      if (Unit !== undefined && !UNITS.has(Unit as string))
        problems.push(`${at}: metric ${String(Name)} has unit ${String(Unit)}`);
    }
  }
  return problems;
}

/** The metrics a valid document publishes: `Name {Dimension=value, …}` for each metric and dimension set. */
export function publishedMetrics(line: Record<string, unknown>): string[] {
  const directives = (line._aws as { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] })
    .CloudWatchMetrics;
  return directives.flatMap(({ Dimensions, Metrics }) =>
    Metrics.flatMap(({ Name }) =>
      Dimensions.map(
        (set) => `${Name} {${set.map((dimension) => `${dimension}=${String(line[dimension])}`).join(', ')}}`,
      ),
    ),
  );
}
