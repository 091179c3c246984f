/**
 * How long Cognito waits for a synchronous trigger before it gives up on the attempt.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export const COGNITO_DEADLINE_MS = 5_000;

/** How an invocation ended and how long it took. */
export type Settled<T> = { elapsedMs: number } & (
  | { status: 'fulfilled'; value: T }
  | { status: 'rejected'; reason: unknown }
);

/** Waits for `work` to settle, recording whether it resolved or rejected and the wall time it took. */
export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  const startedAt = performance.now();
  try {
    const value = await work();
    return { status: 'fulfilled', value, elapsedMs: performance.now() - startedAt };
  } catch (reason) {
    return { status: 'rejected', reason, elapsedMs: performance.now() - startedAt };
  }
}
