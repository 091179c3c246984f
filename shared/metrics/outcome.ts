import { DependencyError, InvalidEventError, isUserFacing } from '../errors';
import type { Outcome } from './document';

/** Whether `error` is the one middy answers with when its early timeout fires. */
function isEarlyTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'TimeoutError' &&
    (error.cause as { package?: unknown } | undefined)?.package === '@middy/core'
  );
}

/**
 * The outcome of an invocation that ended with `error`, before it is masked: a refusal by the step that threw it
 * (`Rule`); or a failure of what the error names (`Dependency`): the service of a `DependencyError`, `event` for an
 * event the guard refused, `timeout` when middy's early timeout fired, `none` for anything else.
 */
export function outcomeOfError(error: unknown): Outcome {
  if (error instanceof InvalidEventError) return { kind: 'Failed', dependency: 'event' };
  if (isUserFacing(error)) return { kind: 'Refused', rule: error.step ?? 'none' };
  if (error instanceof DependencyError) return { kind: 'Failed', dependency: error.dependency };
  if (isEarlyTimeout(error)) return { kind: 'Failed', dependency: 'timeout' };
  return { kind: 'Failed', dependency: 'none' };
}
