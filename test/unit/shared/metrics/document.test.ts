import { METRICS_NAMESPACE } from '@shared/metrics/catalog';
import { type InvocationReport, metricMembers } from '@shared/metrics/document';
import { emfProblems, publishedMetrics } from '@test/helpers/emf';

/** The members as the object a line with them parses to. */
const metricDocument = (report: InvocationReport): Record<string, unknown> =>
  JSON.parse(`{${metricMembers(report)}}`) as Record<string, unknown>;

const REPORT: InvocationReport = {
  functionName: 'cognito-flows-prod-postConfirmation',
  triggerSource: 'PostConfirmation_ConfirmSignUp',
  outcome: { kind: 'Accepted' },
  durationMs: 12.3456,
  coldStart: false,
  counts: new Map(),
  timestamp: 1_764_600_000_000,
};

describe('metricMembers', () => {
  it('publishes an answered invocation and its duration per function and per trigger source', () => {
    const document = metricDocument(REPORT);

    expect(emfProblems(document)).toEqual([]);
    expect(document).toMatchObject({ _aws: { Timestamp: REPORT.timestamp }, Accepted: 1, Duration: 12.35 });
    expect(publishedMetrics(document)).toEqual([
      'Accepted {FunctionName=cognito-flows-prod-postConfirmation}',
      'Accepted {FunctionName=cognito-flows-prod-postConfirmation, TriggerSource=PostConfirmation_ConfirmSignUp}',
      'Duration {FunctionName=cognito-flows-prod-postConfirmation}',
      'Duration {FunctionName=cognito-flows-prod-postConfirmation, TriggerSource=PostConfirmation_ConfirmSignUp}',
    ]);
  });

  it('puts every directive in the project’s namespace with the units of the catalog', () => {
    const { _aws } = metricDocument({ ...REPORT, coldStart: true }) as {
      _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string; Unit: string }[] }[] };
    };

    expect(_aws.CloudWatchMetrics.map((directive) => directive.Namespace)).toEqual([
      METRICS_NAMESPACE,
      METRICS_NAMESPACE,
    ]);
    expect(_aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics)).toEqual([
      { Name: 'Accepted', Unit: 'Count' },
      { Name: 'Duration', Unit: 'Milliseconds' },
      { Name: 'ColdStart', Unit: 'Count' },
    ]);
  });

  it('publishes a refusal also per rule, and a failure also per dependency', () => {
    const refused = metricDocument({ ...REPORT, outcome: { kind: 'Refused', rule: 'deny-listed-domains' } });
    const failed = metricDocument({ ...REPORT, outcome: { kind: 'Failed', dependency: 'DynamoDB' } });

    expect([emfProblems(refused), emfProblems(failed)]).toEqual([[], []]);
    expect(publishedMetrics(refused).filter((metric) => metric.startsWith('Refused'))).toContain(
      'Refused {FunctionName=cognito-flows-prod-postConfirmation, Rule=deny-listed-domains}',
    );
    expect(publishedMetrics(failed).filter((metric) => metric.startsWith('Failed'))).toContain(
      'Failed {FunctionName=cognito-flows-prod-postConfirmation, Dependency=DynamoDB}',
    );
    expect(refused).not.toHaveProperty('Accepted');
    expect(failed).not.toHaveProperty('Rule');
  });

  it('publishes what the flow counted, and a cold start, per function only', () => {
    const document = metricDocument({
      ...REPORT,
      coldStart: true,
      counts: new Map([
        ['EmailsSent', 1],
        ['EmailsDuplicate', 2],
      ]),
    });

    expect(emfProblems(document)).toEqual([]);
    expect(document).toMatchObject({ ColdStart: 1, EmailsSent: 1, EmailsDuplicate: 2 });
    expect(publishedMetrics(document).filter((metric) => !/^(Accepted|Duration)/.test(metric))).toEqual([
      'ColdStart {FunctionName=cognito-flows-prod-postConfirmation}',
      'EmailsSent {FunctionName=cognito-flows-prod-postConfirmation}',
      'EmailsDuplicate {FunctionName=cognito-flows-prod-postConfirmation}',
    ]);
  });

  it('publishes nothing for what did not happen: no zero cold start, no metric the flow did not count', () => {
    expect(Object.keys(metricDocument(REPORT)).filter((key) => /^[A-Z]/.test(key))).toEqual([
      'FunctionName',
      'TriggerSource',
      'Accepted',
      'Duration',
    ]);
  });

  it('writes dimension values as JSON strings, whatever they hold', () => {
    const document = metricDocument({ ...REPORT, functionName: 'a "quoted" \\ name' });

    expect(document.FunctionName).toBe('a "quoted" \\ name');
    expect(emfProblems(document)).toEqual([]);
  });
});
