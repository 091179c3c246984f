import type { ServiceDefinition } from './pool-definition';

/** A scheduled function of the service: its deployed name and how often EventBridge would run it. */
export interface ScheduledFunction {
  /** The key in serverless.yml's `functions` (`emailOutbox`). */
  key: string;
  /** The deployed name, which the Lambda Invoke API serves it under (`cognito-flows-local-emailOutbox`). */
  functionName: string;
  /** The schedule expression (`rate(1 minute)`). */
  expression: string;
  everyMs: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * The period of an EventBridge `rate(<n> <unit>)` expression in milliseconds; `cron(…)` expressions are not run
 * locally.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-rate-expressions
 */
export function rateMs(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression.trim());
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (match === undefined || match === null || unit === undefined || Number(match[1]) < 1) {
    throw new Error(`The local pool runs rate(<n> minute|hour|day) schedules, got "${expression}".`);
  }
  return Number(match[1]) * unit;
}

/** The functions the service runs on a schedule (`events: [{ schedule: { rate: [...] } }]`). */
export function scheduledFunctions(service: ServiceDefinition): ScheduledFunction[] {
  return Object.entries(service.functions).flatMap(([key, fn]) =>
    (fn.events ?? []).flatMap((event) => {
      const schedule = event.schedule as { rate?: unknown } | string | undefined;
      const rates = typeof schedule === 'string' ? [schedule] : schedule?.rate;
      return (Array.isArray(rates) ? rates : []).map((expression: string) => ({
        key,
        functionName: fn.name,
        expression,
        everyMs: rateMs(expression),
      }));
    }),
  );
}

/** The event EventBridge sends a scheduled function at `time`. */
export function scheduledEvent(target: ScheduledFunction, region: string, time: Date): Record<string, unknown> {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/${target.functionName}-schedule`],
    detail: {},
  };
}

/**
 * Invokes `target` once through the Lambda Invoke API at `functionsEndpoint`, as EventBridge does (an
 * asynchronous invocation on AWS; here the answer is awaited), and returns what the function answered.
 *
 * @throws Error with the function's error when it failed.
 */
export async function runScheduled(
  functionsEndpoint: string,
  target: ScheduledFunction,
  region: string,
  now = new Date(),
): Promise<unknown> {
  const response = await fetch(`${functionsEndpoint}/2015-03-31/functions/${target.functionName}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scheduledEvent(target, region, now)),
  });
  const answer = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok || response.headers.get('x-amz-function-error') !== null) {
    throw new Error(`${target.key} failed: ${JSON.stringify(answer)}`);
  }
  return answer;
}

/**
 * Runs every scheduled function at its rate until stopped, one run at a time per function (a run still going when
 * the next is due is not overlapped); a failed run is reported to `onError` and the schedule goes on.
 */
export function startSchedules(
  functionsEndpoint: string,
  targets: readonly ScheduledFunction[],
  region: string,
  onError: (target: ScheduledFunction, error: unknown) => void,
): { stop(): void } {
  const timers = targets.map((target) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      runScheduled(functionsEndpoint, target, region)
        .catch((error: unknown) => onError(target, error))
        .finally(() => {
          running = false;
        });
    }, target.everyMs);
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach(clearInterval) };
}
