import { GENERIC_FAILURE_MESSAGE, isUserFacing } from '@shared/errors';
import type { TriggerEvent } from '@shared/trigger';
import { type Settled, settle } from '@test/helpers/deadline';
import fc from 'fast-check';
import type { Invoke } from './fuzz-handlers';
import { prototypeKeys } from './hostile-events';

/** Runs per property: enough to hit every mutation kind on every source, modest on a 2-core CI machine. */
export const FUZZ_RUNS = { numRuns: 120, timeout: 2_000 } as const;

/** JavaScript's own error types: one of them in a failure means the code crashed rather than refused. */
const CRASHES = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

/** The error and its chain of causes. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let current = error;
    current !== undefined && chain.length < 10;
    current = (current as { cause?: unknown }).cause
  ) {
    chain.push(current);
    if (!(current instanceof Error)) break;
  }
  return chain;
}

/**
 * Checks that an invocation ended as the project allows: it answered, or refused with one of our user-facing
 * errors (a message written for people), or failed with the generic message over a deliberate error of ours —
 * never a crash of JavaScript's own (TypeError and the like), shown or masked, and never an internal message.
 */
export function expectContained(settled: Settled<TriggerEvent>): void {
  if (settled.status === 'fulfilled') return;
  const error = settled.reason;
  const names = causeChain(error).map((link) => (link instanceof Error ? link.name : typeof link));
  expect(names.filter((name) => CRASHES.has(name))).toEqual([]);
  if (isUserFacing(error)) {
    expect(['UserFacingError', 'InvalidEventError']).toContain(error.name);
    expect(error.message).toMatch(/\.$/);
    return;
  }
  expect(error).toMatchObject({ message: GENERIC_FAILURE_MESSAGE });
}

/**
 * The property every trigger must hold: whatever event `invoke` gets, the invocation is contained (see
 * {@link expectContained}), ends within the run's time limit, and leaves `Object.prototype` as it was.
 */
export async function assertContainedFor(events: fc.Arbitrary<TriggerEvent>, invoke: Invoke): Promise<void> {
  const before = prototypeKeys();
  await fc.assert(
    fc.asyncProperty(events, async (event) => {
      expectContained(await settle(() => invoke(event)));
      expect(prototypeKeys()).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }),
    FUZZ_RUNS,
  );
}
