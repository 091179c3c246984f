/**
 * Every metric the functions publish, with its unit, its dimensions and what it counts. The functions publish
 * them as CloudWatch Embedded Metric Format members of the one line each invocation ends with (./document.ts): no
 * SDK, no call, nothing but that log line, from which CloudWatch Logs extracts them. Dimensions are few and bounded
 * (a function, a trigger source, a rule, a dependency): never a user, an email or a pool id.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/** The namespace of every metric; the `FunctionName` dimension (the deployed name) tells stacks and stages apart. */
export const METRICS_NAMESPACE = 'CognitoFlows';

/** A dimension of the metrics, named as its member of the document. */
export type DimensionName = 'FunctionName' | 'TriggerSource' | 'Rule' | 'Dependency';

/**
 * The dimension sets a metric is published with: one metric per set and combination of values. Every set holds
 * `FunctionName`, as AWS/Lambda's metrics do, so an alarm or graph can put the two side by side.
 */
export const DIMENSION_SETS = {
  /** Per function. */
  function: [['FunctionName']],
  /** Per function, and per function and trigger source. */
  source: [['FunctionName'], ['FunctionName', 'TriggerSource']],
  /** As `source`, and per function and the rule (the step) that refused. */
  refusal: [['FunctionName'], ['FunctionName', 'TriggerSource'], ['FunctionName', 'Rule']],
  /** As `source`, and per function and what failed: a dependency, the event, the time limit, or none named. */
  failure: [['FunctionName'], ['FunctionName', 'TriggerSource'], ['FunctionName', 'Dependency']],
} as const satisfies Record<string, readonly (readonly DimensionName[])[]>;

/** One of {@link DIMENSION_SETS}. */
export type DimensionSets = keyof typeof DIMENSION_SETS;

/** What a metric of the catalog is. */
export interface MetricDefinition {
  readonly unit: 'Count' | 'Milliseconds';
  readonly dimensions: DimensionSets;
  /** What it counts or measures, for docs/observability.md. */
  readonly meaning: string;
  /**
   * An alarm for every function that counts it (its declaration's `metrics`): when the sum over five minutes
   * reaches `atLeast`. For what a function's own alarms (failures, throttles, duration) cannot see.
   */
  readonly alarm?: { readonly atLeast: number; readonly why: string };
}

/** The metrics every invocation publishes: exactly one outcome, its duration, and whether it started the container. */
export const INVOCATION_METRICS = {
  Accepted: { unit: 'Count', dimensions: 'source', meaning: 'Invocations answered normally.' },
  Refused: {
    unit: 'Count',
    dimensions: 'refusal',
    meaning: 'Invocations a rule refused with a message for the user; `Rule` is the step that refused.',
  },
  Failed: {
    unit: 'Count',
    dimensions: 'failure',
    meaning:
      'Invocations that failed and were masked: `Dependency` is the service that failed (`Cognito`, `DynamoDB`, `SES`, `SecretsManager`), `event` for a malformed event or one of another trigger, `timeout` when the time ran out, `none` for anything else.',
  },
  Duration: { unit: 'Milliseconds', dimensions: 'source', meaning: 'Time from the invocation’s start to its answer.' },
  ColdStart: { unit: 'Count', dimensions: 'function', meaning: 'Invocations that were the first of their container.' },
} as const satisfies Record<string, MetricDefinition>;

/** What the flows count, by name; a step counts one with `metrics.count(name)`. */
export const FLOW_METRICS = {
  AccountsLinked: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Federated identities linked to the native user with the same email.',
  },
  AccountsAlreadyLinked: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Links an earlier delivery of the same sign-up had already made (a retry, or a concurrent duplicate).',
  },
  AccountLinksRefused: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Links not made: the native user is gone, or has the most linked identities Cognito allows.',
  },
  UsersMigrated: { unit: 'Count', dimensions: 'function', meaning: 'Legacy users moved into the pool.' },
  MigrationsRefused: {
    unit: 'Count',
    dimensions: 'function',
    meaning:
      'Migrations refused: an unknown user, a wrong password or an inactive account (Cognito says no such user).',
  },
  MigrationStoreDown: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Migrations that could not read or mark the legacy store.',
  },
  EmailsSent: { unit: 'Count', dimensions: 'function', meaning: 'Onboarding emails SES accepted.' },
  EmailsDuplicate: {
    unit: 'Count',
    dimensions: 'function',
    meaning:
      'Onboarding emails not sent because they were sent already, or are being sent by another invocation (a duplicate delivery, the other onboarding trigger, the outbox).',
  },
  EmailsRetrying: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Onboarding emails SES did not take; they stay in the outbox, which tries them again after a backoff.',
  },
  EmailsParked: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Onboarding emails given up on after `emailMaxAttempts` failed sends (`outbox = parked`).',
    alarm: {
      atLeast: 1,
      why: 'An onboarding email failed emailMaxAttempts times and was parked. Query the outbox index of the user profiles table for outbox = parked; each parked email’s <duty>LastError says why (docs/deploy.md says how to send it again).',
    },
  },
  EmailsFailed: {
    unit: 'Count',
    dimensions: 'function',
    meaning:
      'Onboarding emails whose record could not be read or written (DynamoDB); they stay due and the outbox sends them.',
  },
  SignInEmailsSent: { unit: 'Count', dimensions: 'function', meaning: 'Sign-in codes and magic links SES accepted.' },
  SignInEmailsWithheld: {
    unit: 'Count',
    dimensions: 'function',
    meaning:
      'Sign-in emails not sent because the user cannot sign in that way (unknown, unconfirmed or unverified): the round only took the time a send takes.',
  },
  SignInCodesRight: { unit: 'Count', dimensions: 'function', meaning: 'Sign-in code answers that signed the user in.' },
  SignInCodesWrong: {
    unit: 'Count',
    dimensions: 'function',
    meaning: 'Sign-in code answers that were wrong, late, or for a code nobody was sent.',
  },
} as const satisfies Record<string, MetricDefinition>;

/** A metric the flows count. */
export type FlowMetric = keyof typeof FLOW_METRICS;

/** A metric of the catalog. */
export type MetricName = keyof typeof INVOCATION_METRICS | FlowMetric;

/** Every metric of the catalog by name. */
export const METRICS: Readonly<Record<MetricName, MetricDefinition>> = { ...INVOCATION_METRICS, ...FLOW_METRICS };
