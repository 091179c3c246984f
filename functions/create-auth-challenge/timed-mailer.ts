import type { Mailer } from '@shared/mailer';
import { monotonicMs } from '@shared/monotonic-clock';
import type { SignInMailer } from './trigger';

/** How many of the latest sends the typical duration is taken from. */
const SAMPLES = 20;
/** The typical duration before this container has sent anything: about one SES SendEmail call. */
const FIRST_GUESS_MS = 120;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * A {@link SignInMailer} over `mailer`: sends through it, timing each send, and `pretend` waits for the median of
 * the container's latest sends, after `warm` (which loads what the first send loads, e.g. the SES client), so an
 * unknown user's sign-in takes as long as a real one's. `wait` and `now` are its timer and clock.
 */
export function createTimedMailer(
  mailer: Mailer,
  warm: () => Promise<unknown>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => number = monotonicMs,
): SignInMailer {
  const durations: number[] = [];
  return {
    async send(message, signal) {
      const start = now();
      await mailer.send(message, signal);
      durations.push(now() - start);
      if (durations.length > SAMPLES) durations.shift();
    },
    async pretend() {
      const start = now();
      await warm();
      const typical = durations.length === 0 ? FIRST_GUESS_MS : median(durations);
      await wait(Math.max(0, typical - (now() - start)));
    },
  };
}
