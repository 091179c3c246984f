import { type ParameterGroup, rule } from './parameter';

/** Who hears of the functions' alarms, and when their duration is too close to Cognito's limit. */
export const MONITORING_PARAMETERS = [
  {
    title: 'Monitoring',
    parameters: [
      {
        name: 'alarmTopicArn',
        default: '',
        rule: rule.text,
        meaning:
          'ARN of the SNS topic the alarms notify when they go off and when they clear. Empty: they notify no one, and show in CloudWatch and on the dashboard (see [Observability](observability.md)).',
      },
      {
        name: 'alarmDurationMs',
        default: 4000,
        rule: rule.integer(100, 5000),
        meaning:
          'A function’s duration alarm goes off when its p99 over five minutes reaches this many milliseconds; Cognito waits 5,000 for a trigger.',
      },
    ],
  },
] as const satisfies readonly ParameterGroup[];
