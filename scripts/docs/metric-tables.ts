/**
 * The metrics the functions publish and the alarms on them, from the metric catalog (shared/metrics/catalog.ts) and
 * the function declarations of functions/registry.ts (`npm run docs`): docs/observability.md.
 */
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import {
  DIMENSION_SETS,
  FLOW_METRICS,
  INVOCATION_METRICS,
  type MetricDefinition,
  type MetricName,
} from '@shared/metrics/catalog';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((columns) => `| ${columns.join(' | ')} |`).join('\n');
}

const code = (text: string) => `\`${text}\``;

/** The functions that count flow metric `metric`, by their declarations. */
function countedBy(metric: MetricName): string {
  const names = DEPLOYED_FUNCTIONS.filter(({ metrics = [] }) => (metrics as readonly string[]).includes(metric));
  return names.map(({ name }) => code(name)).join(', ');
}

/** Every metric: its unit, the dimension sets it is published with, who publishes it, and what it counts. */
export function renderMetrics(): string {
  const row = (name: MetricName, definition: MetricDefinition, by: string) => [
    code(name),
    definition.unit,
    DIMENSION_SETS[definition.dimensions].map((set) => set.join(' × ')).join('; '),
    by,
    definition.meaning,
  ];
  return table(
    ['Metric', 'Unit', 'Dimensions', 'Published by', 'What it counts'],
    [
      ...Object.entries(INVOCATION_METRICS).map(([name, definition]) =>
        row(name as MetricName, definition, 'every function'),
      ),
      ...Object.entries(FLOW_METRICS).map(([name, definition]) =>
        row(name as MetricName, definition, countedBy(name as MetricName)),
      ),
    ],
  );
}

/** Every alarm: which functions have it, on what, and when it goes off. */
export function renderAlarms(): string {
  const every = 'every function';
  const flowAlarms = Object.entries(FLOW_METRICS as Readonly<Record<string, MetricDefinition>>).flatMap(
    ([name, { alarm }]) =>
      alarm === undefined
        ? []
        : [
            [
              code(`<function>-${name}`),
              countedBy(name as MetricName),
              `${code(name)} ≥ ${alarm.atLeast} in 5 minutes`,
              alarm.why,
            ],
          ],
  );
  return table(
    ['Alarm', 'Of', 'Goes off when', 'Why'],
    [
      [
        code('<function>-failures'),
        every,
        'AWS/Lambda `Errors` less `Refused` ≥ 1 in 5 minutes',
        'An invocation failed for a reason that is not a rule’s refusal: a masked failure, a timeout, a crash at start. Lambda counts refusals as errors too, hence the difference.',
      ],
      [code('<function>-throttles'), every, 'AWS/Lambda `Throttles` ≥ 1 in 5 minutes', 'Cognito got no answer.'],
      [
        code('<function>-duration'),
        every,
        'AWS/Lambda `Duration` p99 over 5 minutes ≥ `alarmDurationMs` (4,000 ms by default); for a scheduled function, the same share of its timeout (80% by default)',
        'Close to the 5 seconds Cognito waits, or to the timeout at which Lambda stops a scheduled run; a cold start’s initialisation comes on top.',
      ],
      ...flowAlarms,
    ],
  );
}
