/**
 * The functions' alarms and dashboard, from the declarations of functions/registry.ts and the metric catalog
 * (shared/metrics/catalog.ts): every registered function gets them without a line of its own. The functions publish
 * their metrics as Embedded Metric Format lines (docs/observability.md); the alarms read those and AWS/Lambda's.
 */
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { ParameterError, parameterReader, type ResolveVariable } from '@resources/pool/parameter-reader';
import { FLOW_METRICS, type FlowMetric, METRICS_NAMESPACE, type MetricDefinition } from '@shared/metrics/catalog';
import { type DeployedFunctionDeclaration, logicalIdOf } from './function-declaration';

/** The stage parameters of the monitoring, read and checked at package time. */
export interface MonitoringSettings {
  /** The SNS topic the alarms notify; empty for none. */
  readonly alarmTopicArn: string;
  readonly alarmDurationMs: number;
}

/** An SNS topic's ARN. */
const TOPIC_ARN = /^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/;

/** Seconds each alarm and graph aggregates over. */
const PERIOD_SECONDS = 300;
/** The condition under which the alarms notify the SNS topic of `alarmTopicArn`. */
const ALARM_TOPIC_GIVEN = 'AlarmTopicGiven';
/** How long Cognito waits for a synchronous trigger: a trigger's limit, drawn on its duration graph. */
const COGNITO_LIMIT_MS = 5_000;
/** serverless.yml's `provider.timeout`: what a function without a `timeout` of its own may run. */
const PROVIDER_TIMEOUT_SECONDS = 5;
/** The dashboard's widgets, in a grid 24 units wide. */
const WIDGET = { width: 4, height: 6 } as const;

/** Whether `declaration` is a scheduled function (functions/registry.ts `SCHEDULED_FUNCTIONS`), not a trigger. */
function isScheduled(declaration: DeployedFunctionDeclaration): boolean {
  return 'schedule' in declaration;
}

/**
 * The time a function must answer within: Cognito's 5 seconds for a trigger, its own timeout for a scheduled
 * function (Lambda stops it then).
 */
function limitMsOf(declaration: DeployedFunctionDeclaration): number {
  return isScheduled(declaration) ? (declaration.timeout ?? PROVIDER_TIMEOUT_SECONDS) * 1000 : COGNITO_LIMIT_MS;
}

/**
 * The p99 duration at which a function's duration alarm goes off: `alarmDurationMs` for a trigger, and the same
 * share of its limit for a scheduled function (with the default 4,000, 80% of its timeout).
 */
export function durationThresholdOf(declaration: DeployedFunctionDeclaration, settings: MonitoringSettings): number {
  return Math.round((settings.alarmDurationMs / COGNITO_LIMIT_MS) * limitMsOf(declaration));
}

/** The logical id of the framework's Lambda function for `name`: `preSignUp` → `PreSignUpLambdaFunction`. */
function lambdaIdOf(name: string): string {
  return `${logicalIdOf(name)}LambdaFunction`;
}

/** One metric of an alarm, by its namespace and name, of the function `declaration` deploys. */
function metricStat(
  id: string,
  namespace: string,
  metricName: string,
  declaration: DeployedFunctionDeclaration,
  stat: string,
) {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: namespace,
        MetricName: metricName,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: lambdaIdOf(declaration.name) } }],
      },
      Period: PERIOD_SECONDS,
      Stat: stat,
    },
    ReturnData: false,
  };
}

/** `stat` as the one metric an alarm watches. */
function returned(stat: ReturnType<typeof metricStat>) {
  return { ...stat, ReturnData: true };
}

/** What an alarm of a function watches. */
interface AlarmSpec {
  /** Ends the alarm's name, `<function name>-<suffix>`. */
  readonly suffix: string;
  readonly description: string;
  readonly metrics: readonly Record<string, unknown>[];
  /** The alarm goes off at this value or more. */
  readonly threshold: number;
}

/** An alarm of `declaration` that notifies the topic of `settings`, if any, when it goes off and when it clears. */
function alarm(declaration: DeployedFunctionDeclaration, settings: MonitoringSettings, spec: AlarmSpec) {
  const actions = { 'Fn::If': [ALARM_TOPIC_GIVEN, [settings.alarmTopicArn], { Ref: 'AWS::NoValue' }] };
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: { 'Fn::Sub': `\${${lambdaIdOf(declaration.name)}}-${spec.suffix}` },
      AlarmDescription: spec.description,
      Metrics: spec.metrics,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: spec.threshold,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: actions,
      OKActions: actions,
    },
  };
}

/**
 * The alarms of one function, by logical id: failures that are not refusals (Lambda's `Errors`, which count every
 * refusal too, less the function's `Refused`: a crash at start, a timeout and a masked failure all count), throttles,
 * a p99 duration close to its limit (Cognito's, or a scheduled function's timeout), and each of its flow metrics the
 * catalog gives an alarm.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html
 */
export function alarmsOf(
  declaration: DeployedFunctionDeclaration,
  settings: MonitoringSettings,
): Record<string, unknown> {
  const id = logicalIdOf(declaration.name);
  const stat = (metricId: string, namespace: string, metricName: string, statistic = 'Sum') =>
    metricStat(metricId, namespace, metricName, declaration, statistic);
  const flowAlarms = (declaration.metrics ?? []).flatMap((metric: FlowMetric) => {
    const definition: MetricDefinition = FLOW_METRICS[metric];
    if (definition.alarm === undefined) return [];
    const metrics = [returned(stat('counted', METRICS_NAMESPACE, metric))];
    const spec = { suffix: metric, description: definition.alarm.why, metrics, threshold: definition.alarm.atLeast };
    return [[`${id}${metric}Alarm`, alarm(declaration, settings, spec)]];
  });
  return {
    [`${id}FailuresAlarm`]: alarm(declaration, settings, {
      suffix: 'failures',
      description: `${declaration.name} failed: an invocation ended in an error that is not a refusal (masked failure, timeout, crash).`,
      metrics: [
        stat('errors', 'AWS/Lambda', 'Errors'),
        stat('refused', METRICS_NAMESPACE, 'Refused'),
        { Id: 'failures', Expression: 'errors - FILL(refused, 0)', Label: 'Failures', ReturnData: true },
      ],
      threshold: 1,
    }),
    [`${id}ThrottlesAlarm`]: alarm(declaration, settings, {
      suffix: 'throttles',
      description: isScheduled(declaration)
        ? `${declaration.name} was throttled: a scheduled run did not start.`
        : `${declaration.name} was throttled: Cognito got no answer from it.`,
      metrics: [returned(stat('throttles', 'AWS/Lambda', 'Throttles'))],
      threshold: 1,
    }),
    [`${id}DurationAlarm`]: alarm(declaration, settings, {
      suffix: 'duration',
      description: isScheduled(declaration)
        ? `${declaration.name} is close to its ${limitMsOf(declaration) / 1000}-second timeout: its p99 duration over five minutes reached the share of it alarmDurationMs is of 5 seconds.`
        : `${declaration.name} is close to Cognito's 5-second limit: its p99 duration over five minutes reached alarmDurationMs.`,
      metrics: [returned(stat('duration', 'AWS/Lambda', 'Duration', 'p99'))],
      threshold: durationThresholdOf(declaration, settings),
    }),
    ...Object.fromEntries(flowAlarms),
  };
}

/** A graph of the dashboard at column `column` of row `row`. */
function graph(row: number, column: number, title: string, metrics: unknown[], extra: Record<string, unknown> = {}) {
  return {
    type: 'metric',
    x: column * WIDGET.width,
    y: row * WIDGET.height,
    width: WIDGET.width,
    height: WIDGET.height,
    properties: {
      title,
      region: '${AWS::Region}',
      view: 'timeSeries',
      period: PERIOD_SECONDS,
      stat: 'Sum',
      metrics,
      ...extra,
    },
  };
}

/** A SEARCH expression over the function's metric `metricName` by `dimension`, for a graph. */
function search(functionName: string, metricName: string, dimension: string) {
  const query = `{${METRICS_NAMESPACE},FunctionName,${dimension}} MetricName="${metricName}" FunctionName="${functionName}"`;
  return { expression: `SEARCH('${query}', 'Sum', ${PERIOD_SECONDS})`, id: dimension.toLowerCase(), label: '' };
}

/**
 * One row of the dashboard per function: its outcomes, its refusals by rule (a trigger's) and failures by
 * dependency, its duration against its limit, its cold starts and throttles, and the flow metrics it counts.
 */
function dashboardRow(declaration: DeployedFunctionDeclaration, row: number): unknown[] {
  const { name } = declaration;
  const fn = `\${${lambdaIdOf(name)}}`;
  const ours = (metric: string) => [METRICS_NAMESPACE, metric, 'FunctionName', fn];
  const lambda = (metric: string, options: Record<string, unknown> = {}) => [
    'AWS/Lambda',
    metric,
    'FunctionName',
    fn,
    options,
  ];
  const flow = declaration.metrics ?? [];
  const scheduled = isScheduled(declaration);
  return [
    graph(row, 0, `${name}: outcomes`, [ours('Accepted'), ...(scheduled ? [] : [ours('Refused')]), ours('Failed')]),
    ...(scheduled ? [] : [graph(row, 1, `${name}: refusals by rule`, [[search(fn, 'Refused', 'Rule')]])]),
    graph(row, 2, `${name}: failures by dependency`, [[search(fn, 'Failed', 'Dependency')]]),
    graph(
      row,
      3,
      `${name}: duration (ms)`,
      [lambda('Duration', { stat: 'p50' }), lambda('Duration', { stat: 'p99' })],
      {
        annotations: {
          horizontal: [{ label: scheduled ? 'its timeout' : 'Cognito’s limit', value: limitMsOf(declaration) }],
        },
      },
    ),
    graph(row, 4, `${name}: cold starts and throttles`, [ours('ColdStart'), lambda('Throttles')]),
    ...(flow.length === 0 ? [] : [graph(row, 5, `${name}: what it did`, flow.map(ours))]),
  ];
}

/**
 * The stack's dashboard, `<stack name>`: a row per function. The body is a `Fn::Sub` template, so it names the
 * functions as deployed.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export function dashboardOf(functions: readonly DeployedFunctionDeclaration[]) {
  const widgets = functions.flatMap((declaration, row) => dashboardRow(declaration, row));
  return {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: {
      DashboardName: { 'Fn::Sub': '${AWS::StackName}' },
      DashboardBody: { 'Fn::Sub': JSON.stringify({ widgets }) },
    },
  };
}

/**
 * Reads the monitoring's stage parameters; a topic that is not an SNS topic's ARN stops the package, naming it.
 *
 * @throws ParameterError naming the parameter whose value is wrong
 */
export async function monitoringSettings(resolveVariable: ResolveVariable): Promise<MonitoringSettings> {
  const params = parameterReader(resolveVariable);
  const alarmTopicArn = await params.text('alarmTopicArn');
  if (alarmTopicArn !== '' && !TOPIC_ARN.test(alarmTopicArn)) {
    throw new ParameterError('alarmTopicArn', `must be empty or the ARN of an SNS topic, got "${alarmTopicArn}".`);
  }
  return { alarmTopicArn, alarmDurationMs: await params.integer('alarmDurationMs') };
}

/**
 * serverless.yml's monitoring resources: every function's alarms, the dashboard, and the condition under which the
 * alarms notify the topic of `alarmTopicArn`.
 */
export async function monitoringResources(
  { resolveVariable }: { resolveVariable: ResolveVariable },
  functions: readonly DeployedFunctionDeclaration[] = DEPLOYED_FUNCTIONS,
) {
  const settings = await monitoringSettings(resolveVariable);
  return {
    Conditions: { [ALARM_TOPIC_GIVEN]: { 'Fn::Not': [{ 'Fn::Equals': [settings.alarmTopicArn, ''] }] } },
    Resources: {
      ...Object.assign({}, ...functions.map((declaration) => alarmsOf(declaration, settings))),
      MonitoringDashboard: dashboardOf(functions),
    },
  };
}
