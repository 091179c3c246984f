import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import type { Issue, SendWindow, SignInRecord } from './sign-in-store';

/**
 * How long after a code or link was issued a request for a new one counts as the same request: Cognito's three
 * attempts of 5 seconds each, with room for its back-off. Within it, a retried or concurrent CreateAuthChallenge
 * gets the same code or link and sends no second email.
 */
export const RETRY_HORIZON_MS = 30_000;

/** What a challenge round asks of the store. */
export interface IssueRequest {
  method: SignInMethod;
  /**
   * The first round of this method in the sign-in (the user just chose it), rather than a round after a wrong
   * answer: only then may a live code or link older than {@link RETRY_HORIZON_MS} be replaced by a new one.
   */
  firstOfMethod: boolean;
  now: number;
  windowMs: number;
  maxPerWindow: number;
}

/** What to do: give the current issue again, issue a new one in `window`, or refuse (too many emails). */
export type IssuePlan =
  | { kind: 'reuse'; issue: Issue }
  | { kind: 'new'; window: SendWindow }
  | { kind: 'rate-limited' };

/**
 * Decides between the user's current code or link and a new one:
 *
 * - a live issue is given again when the round follows a wrong answer (the user still has the email), or when it
 *   was issued within {@link RETRY_HORIZON_MS} (a retried, concurrent or repeated request: the same code, no email);
 * - otherwise a new one is issued, and counted in the send window, which starts afresh after `windowMs`;
 * - unless the window already counts `maxPerWindow` emails.
 */
export function planIssue(record: SignInRecord | undefined, request: IssueRequest): IssuePlan {
  const current = record?.issues[request.method];
  const live = current !== undefined && current.expiresAt > request.now;
  if (live && (!request.firstOfMethod || current.issuedAt > request.now - RETRY_HORIZON_MS)) {
    return { kind: 'reuse', issue: current };
  }
  const window = record?.window;
  if (window === undefined || window.start <= request.now - request.windowMs) {
    return { kind: 'new', window: { start: request.now, count: 1 } };
  }
  if (window.count >= request.maxPerWindow) return { kind: 'rate-limited' };
  return { kind: 'new', window: { start: window.start, count: window.count + 1 } };
}
