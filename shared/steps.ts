import { CognitoFlowsError, nameClasses, Refusal, type RefusalValues } from './errors';
import type { Logger } from './logger';
import type { LocalisedText } from './messages/languages';
import type { Metrics } from './metrics/invocation-metrics';
import type { TriggerEvent } from './trigger';

/**
 * What every step of a flow receives: the event (whose `response` it may change), the function's
 * configuration, the invocation's logger and metrics, and `reject` to refuse the request with a text of the
 * message catalog.
 * Each trigger extends it with the stores and clients its steps use.
 */
export interface StepContext<E extends TriggerEvent, C> {
  readonly event: E;
  readonly config: C;
  readonly logger: Logger;
  /** The invocation's metrics: a step counts what its flow did (`metrics.count('EmailsSent')`). */
  readonly metrics: Metrics;
  /**
   * Stops the flow with a refusal of the message catalog, `text` with `values` filled in; Cognito shows it to
   * the end user in their language, so it says what to do.
   */
  reject(text: LocalisedText, values?: RefusalValues): never;
  /** Milliseconds left before Lambda stops this invocation. */
  remainingTimeMs(): number;
  /**
   * Aborted when middy's early timeout fires, shortly before Lambda stops this invocation and Cognito gets the
   * generic failure. Pass it to every AWS call (the stores take it last), so that a call still in flight then is
   * abandoned at once rather than run on, and retried, after Cognito got its answer.
   */
  readonly signal: AbortSignal;
}

/**
 * One named rule of a flow. Steps run in the order of the trigger's step list; a step that throws stops the
 * flow. A team adds its own rule as a new step file plus one line in that list.
 */
export interface Step<Ctx extends StepContext<TriggerEvent, unknown>> {
  /** Appears in logs and errors; kebab-case, unique within the flow. */
  readonly name: string;
  /** Trigger sources the step runs for; every source of the trigger when omitted. */
  readonly sources?: readonly Ctx['event']['triggerSource'][];
  /** Whether the step is switched on; consulted on every invocation. On when omitted. */
  enabled?(config: Ctx['config']): boolean;
  /**
   * Runs alongside the steps after it instead of before them; the flow still waits for it before it ends. For
   * independent side effects, so that two slow dependencies cost the slower one's time, not their sum, of
   * Cognito's 5 seconds.
   */
  readonly concurrent?: boolean;
  run(context: Ctx): void | Promise<void>;
}

/** A step failed for an internal reason; the cause is the original error. Shown to users masked. */
export class StepError extends CognitoFlowsError {
  readonly userFacing = false;

  constructor(step: string, cause: unknown) {
    super(`Step "${step}" failed.`, { cause });
    this.step = step;
  }
}

nameClasses({ StepError });

/** Refuses the request with a text of the message catalog; the `reject` of every step context. */
export function reject(text: LocalisedText, values?: RefusalValues): never {
  throw new Refusal(text, values);
}

function settle(promise: Promise<void>): Promise<PromiseSettledResult<void>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

async function runStep<Ctx extends StepContext<TriggerEvent, unknown>>(step: Step<Ctx>, context: Ctx): Promise<void> {
  context.logger.debug('Running step', { step: step.name });
  try {
    await step.run(context);
  } catch (error) {
    if (!(error instanceof CognitoFlowsError)) throw new StepError(step.name, error);
    error.step ??= step.name;
    throw error;
  }
}

/**
 * Runs `steps` in order over `context`, skipping those not meant for the event's trigger source or switched
 * off; a `concurrent` step runs alongside the steps after it, and the flow ends when every step has. Errors the
 * project throws on purpose pass through, with the name of the step they came from (`step`); anything else is
 * wrapped in a {@link StepError} naming the step.
 */
export async function runSteps<Ctx extends StepContext<TriggerEvent, unknown>>(
  steps: readonly Step<Ctx>[],
  context: Ctx,
): Promise<void> {
  const source = context.event.triggerSource;
  // Settled results, so a concurrent step's failure is observed at once and reported when the flow ends.
  const running: Promise<PromiseSettledResult<void>>[] = [];
  const sequence = (async () => {
    for (const step of steps) {
      if ((step.sources && !step.sources.includes(source)) || (step.enabled && !step.enabled(context.config))) {
        continue;
      }
      if (step.concurrent) {
        running.push(settle(runStep(step, context)));
      } else {
        await runStep(step, context);
      }
    }
  })();
  // Wait for every step that started, whatever happens; the sequence's own failure comes first.
  const [sequenceOutcome] = await Promise.allSettled([sequence]);
  const outcomes = await Promise.all(running);
  const failure = [sequenceOutcome, ...outcomes].find(
    (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
  );
  if (failure !== undefined) throw failure.reason;
}
