/**
 * The monitoring of the packaged stack (resources/service/monitoring.ts): every registered function's alarms and
 * its row of the dashboard, the SNS topic they notify when one is given, and agreement with what the functions
 * publish (shared/metrics/catalog.ts): an alarm or graph reads only metrics with the dimensions they carry.
 */
import { DEPLOYED_FUNCTIONS, SCHEDULED_FUNCTIONS } from '@functions/registry';
import { logicalIdOf } from '@resources/service/function-declaration';
import { DIMENSION_SETS, FLOW_METRICS, METRICS, METRICS_NAMESPACE, type MetricName } from '@shared/metrics/catalog';
import { evaluateConditions } from '@test/helpers/cfn-conditions';
import { validateTemplate } from '@test/helpers/cfn-validator';
import { type CloudFormationTemplate, type PackagedStack, packageStack } from '@test/helpers/serverless-cli';

/** Its own stage, so its build folder (.esbuild/<stage>) is not another package test's. */
const STAGE = 'monitoring';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:cognito-flows-alarms';

interface AlarmMetric {
  Id: string;
  Expression?: string;
  ReturnData: boolean;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: unknown }[] };
    Stat: string;
  };
}

function alarmsOf(template: CloudFormationTemplate) {
  return Object.fromEntries(
    Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm'),
  );
}

/** The dashboard's widgets, with the template's `${…}` references kept as they are. */
function widgetsOf(template: CloudFormationTemplate): { y: number; properties: { metrics: unknown[] } }[] {
  const body = template.Resources.MonitoringDashboard?.Properties?.DashboardBody as { 'Fn::Sub': string };
  return (JSON.parse(body['Fn::Sub']) as { widgets: { y: number; properties: { metrics: unknown[] } }[] }).widgets;
}

describe('the monitoring of the packaged stack', () => {
  let quiet: PackagedStack;
  let notifying: PackagedStack;

  beforeAll(async () => {
    // One after the other: both build in the stage's folder.
    quiet = await packageStack(STAGE);
    notifying = await packageStack(STAGE, { alarmTopicArn: TOPIC, alarmDurationMs: '3500' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([quiet?.remove(), notifying?.remove()]);
  });

  it.each(['quiet', 'notifying'] as const)('%s: passes the CloudFormation schema checks', async (name) => {
    expect(await validateTemplate((name === 'quiet' ? quiet : notifying).template)).toEqual([]);
  });

  it.each(DEPLOYED_FUNCTIONS.map(({ name }) => name))('gives %s its failure, throttle and duration alarms', (name) => {
    const id = logicalIdOf(name);
    const alarms = alarmsOf(quiet.template);
    const metricsOf = (alarm: string) => alarms[alarm]?.Properties?.Metrics as AlarmMetric[];
    const onFunction = { Name: 'FunctionName', Value: { Ref: `${id}LambdaFunction` } };

    expect(metricsOf(`${id}FailuresAlarm`)).toEqual([
      expect.objectContaining({
        MetricStat: expect.objectContaining({
          Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [onFunction] },
        }),
      }),
      expect.objectContaining({
        MetricStat: expect.objectContaining({
          Metric: { Namespace: METRICS_NAMESPACE, MetricName: 'Refused', Dimensions: [onFunction] },
        }),
      }),
      expect.objectContaining({ Expression: 'errors - FILL(refused, 0)', ReturnData: true }),
    ]);
    expect(metricsOf(`${id}ThrottlesAlarm`)[0]?.MetricStat?.Metric.MetricName).toBe('Throttles');
    expect(metricsOf(`${id}DurationAlarm`)[0]?.MetricStat).toMatchObject({
      Metric: { MetricName: 'Duration' },
      Stat: 'p99',
    });
    const scheduled = SCHEDULED_FUNCTIONS.some((declaration) => declaration.name === name);
    expect(alarms[`${id}DurationAlarm`]?.Properties?.Threshold).toBe(scheduled ? 48_000 : 4000);
    expect(alarmsOf(notifying.template)[`${id}DurationAlarm`]?.Properties?.Threshold).toBe(scheduled ? 42_000 : 3500);
  });

  it('gives each function an alarm for every flow metric it counts that the catalog alarms on, and no other', () => {
    const expected = DEPLOYED_FUNCTIONS.flatMap(({ name, metrics = [] }) =>
      metrics.filter((metric) => 'alarm' in FLOW_METRICS[metric]).map((metric) => `${logicalIdOf(name)}${metric}Alarm`),
    );
    const own = /^(.*)(Failures|Throttles|Duration)Alarm$/;

    expect(
      Object.keys(alarmsOf(quiet.template))
        .filter((id) => !own.test(id))
        .sort(),
    ).toEqual(expected.sort());
    expect(expected).toEqual(
      expect.arrayContaining([
        'PostConfirmationEmailsParkedAlarm',
        'PostAuthenticationEmailsParkedAlarm',
        'EmailOutboxEmailsParkedAlarm',
      ]),
    );
  });

  it('notifies the topic of alarmTopicArn when the alarms go off and clear, and no one without it', () => {
    const actionsOf = (stack: PackagedStack) =>
      Object.values(alarmsOf(stack.template)).map((alarm) => [
        alarm.Properties?.AlarmActions,
        alarm.Properties?.OKActions,
      ]);

    expect(evaluateConditions(quiet.template.Conditions).AlarmTopicGiven).toBe(false);
    expect(evaluateConditions(notifying.template.Conditions).AlarmTopicGiven).toBe(true);
    for (const actions of actionsOf(notifying).flat()) {
      expect(actions).toEqual({ 'Fn::If': ['AlarmTopicGiven', [TOPIC], { Ref: 'AWS::NoValue' }] });
    }
  });

  it('alarms only on metrics the functions publish, with exactly the dimensions they publish them with', () => {
    const read = Object.values(alarmsOf(quiet.template)).flatMap((alarm) =>
      ((alarm.Properties?.Metrics ?? []) as AlarmMetric[]).flatMap(({ MetricStat }) =>
        MetricStat?.Metric.Namespace === METRICS_NAMESPACE ? [MetricStat.Metric] : [],
      ),
    );

    expect(read.length).toBeGreaterThan(DEPLOYED_FUNCTIONS.length);
    for (const { MetricName, Dimensions } of read) {
      const published = DIMENSION_SETS[METRICS[MetricName as MetricName].dimensions] as readonly (readonly string[])[];
      expect(published).toContainEqual(Dimensions.map((dimension) => dimension.Name));
    }
  });

  it('draws one dashboard row per function, naming only the stack’s functions and region', () => {
    const widgets = widgetsOf(quiet.template);
    const body = JSON.stringify(widgets);
    const references = new Set([...body.matchAll(/\$\{([^}]+)\}/g)].map(([, name]) => name));

    expect(new Set(widgets.map((widget) => widget.y)).size).toBe(DEPLOYED_FUNCTIONS.length);
    expect([...references].sort()).toEqual(
      ['AWS::Region', ...DEPLOYED_FUNCTIONS.map(({ name }) => `${logicalIdOf(name)}LambdaFunction`)].sort(),
    );
    for (const { name } of DEPLOYED_FUNCTIONS) expect(body).toContain(`"${name}: outcomes"`);
    expect(body).not.toContain('"emailOutbox: refusals by rule"');
    expect(quiet.template.Resources.MonitoringDashboard?.Properties?.DashboardName).toEqual({
      'Fn::Sub': '${AWS::StackName}',
    });
  });

  it('graphs only metrics the functions publish, per function as they publish them', () => {
    const graphed = widgetsOf(quiet.template).flatMap(({ properties }) =>
      properties.metrics.filter(
        (metric): metric is string[] => Array.isArray(metric) && metric[0] === METRICS_NAMESPACE,
      ),
    );

    expect(graphed.length).toBeGreaterThan(0);
    for (const [, name, dimension] of graphed) {
      expect(DIMENSION_SETS[METRICS[name as MetricName].dimensions]).toContainEqual([dimension]);
    }
  });
});
