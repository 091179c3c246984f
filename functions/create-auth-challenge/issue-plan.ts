import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import type { Issue, SendWindow, SignInRecord } from './sign-in-store';

/** What a challenge round asks of the store. */
export interface IssueRequest {
  method: SignInMethod;
  /** The sign-in the round belongs to (see `signInIdOf`). */
  signInId: string;
  now: number;
  windowMs: number;
  maxPerWindow: number;
}

/**
 * What to do: give the current issue again, issue a new one in `window`, or refuse (too many emails) until
 * `retryAt` (milliseconds since the epoch), when the window ends.
 */
export type IssuePlan =
  | { kind: 'reuse'; issue: Issue }
  | { kind: 'new'; window: SendWindow }
  | { kind: 'rate-limited'; retryAt: number };

/**
 * Decides between the user's current code or link and a new one:
 *
 * - a live issue of the same sign-in is given again: Cognito retrying the round, concurrent deliveries of it, and the
 *   round after a wrong answer get the same code and no email, even when the window is full;
 * - any other request — another sign-in, or after the code expired — gets a new one, which replaces the current one
 *   and counts in the send window, which starts afresh after `windowMs`;
 * - unless the window already counts `maxPerWindow` emails.
 *
 * A code is so only ever given to one sign-in, whose three wrong answers end it: three guesses per code.
 */
export function planIssue(record: SignInRecord | undefined, request: IssueRequest): IssuePlan {
  const current = record?.issues[request.method];
  if (current !== undefined && current.signInId === request.signInId && current.expiresAt > request.now) {
    return { kind: 'reuse', issue: current };
  }
  const window = record?.window;
  if (window === undefined || window.start <= request.now - request.windowMs) {
    return { kind: 'new', window: { start: request.now, count: 1 } };
  }
  if (window.count >= request.maxPerWindow) return { kind: 'rate-limited', retryAt: window.start + request.windowMs };
  return { kind: 'new', window: { start: window.start, count: window.count + 1 } };
}
