import { writeSync } from 'node:fs';

/** File descriptor on which a measuring child writes its JSON result (stdout carries the function's logs). */
export const RESULT_FD = 3;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a measuring child's `work` and reports to the bench: its result as JSON on {@link RESULT_FD}, or
 * `{ failed: <message> }`. Then exits, so open sockets or timers of the code measured cannot keep it alive.
 */
export function reportToParent(work: () => Promise<unknown>): void {
  work().then(
    (result) => {
      writeSync(RESULT_FD, JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      writeSync(RESULT_FD, JSON.stringify({ failed: errorMessage(error) }));
      process.exit(1);
    },
  );
}
