import { CognitoFlowsError, UserFacingError } from './errors';
import type { Logger } from './logger';
import type { TriggerEvent } from './trigger';

/**
 * What every step of a flow receives: the event (whose `response` it may change), the function's
 * configuration, the invocation's logger, and `reject` to refuse the request with a message for the end user.
 * Each trigger extends it with the stores and clients its steps use.
 */
export interface StepContext<E extends TriggerEvent, C> {
  readonly event: E;
  readonly config: C;
  readonly logger: Logger;
  /** Stops the flow; Cognito shows `message` to the end user, so say what to do. */
  reject(message: string): never;
  /** Milliseconds left before Lambda stops this invocation. */
  remainingTimeMs(): number;
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
  run(context: Ctx): void | Promise<void>;
}

/** A step failed for an internal reason; the cause is the original error. Shown to users masked. */
export class StepError extends CognitoFlowsError {
  readonly userFacing = false;

  constructor(step: string, cause: unknown) {
    super(`Step "${step}" failed.`, { cause });
  }
}

/** Refuses the request with a message for the end user; the `reject` of every step context. */
export function reject(message: string): never {
  throw new UserFacingError(message);
}

/**
 * Runs `steps` in order over `context`, skipping those not meant for the event's trigger source or switched
 * off. Errors the project throws on purpose pass through; anything else is wrapped in a {@link StepError}
 * naming the step.
 */
export async function runSteps<Ctx extends StepContext<TriggerEvent, unknown>>(
  steps: readonly Step<Ctx>[],
  context: Ctx,
): Promise<void> {
  const source = context.event.triggerSource;
  for (const step of steps) {
    if ((step.sources && !step.sources.includes(source)) || (step.enabled && !step.enabled(context.config))) {
      continue;
    }
    context.logger.debug('Running step', { step: step.name });
    try {
      await step.run(context);
    } catch (error) {
      throw error instanceof CognitoFlowsError ? error : new StepError(step.name, error);
    }
  }
}
