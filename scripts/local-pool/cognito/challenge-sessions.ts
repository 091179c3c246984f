import { randomBytes } from 'node:crypto';
import { expiredSession, invalidSession } from './aws-errors';
import type { ServerChallenge } from './srp';
import type { TokenSource } from './tokens';
import type { ChallengeResult } from './trigger-events';

/** Cognito's default `AuthSessionValidity`: a challenge must be answered within 3 minutes. */
const DEFAULT_SESSION_MINUTES = 3;

/** Where a sign-in stands between two calls: what was asked and what the pool keeps for the answer. */
export interface ChallengeState {
  clientId: string;
  /** The user's name in the pool (what the client sends back as USERNAME), or the name given for an unknown user. */
  username: string;
  /** The user does not exist; the flow goes on as if it did, so that no one can tell (PreventUserExistenceErrors). */
  userNotFound: boolean;
  /** The challenge the client must answer next. */
  challengeName: string;
  /** Milliseconds since the epoch after which the session is refused as expired. */
  expiresAt: number;
  /** CUSTOM_AUTH: the rounds so far and the current challenge's private parameters and metadata. */
  custom?: {
    session: ChallengeResult[];
    privateChallengeParameters: Record<string, string>;
    challengeMetadata?: string;
  };
  /** PASSWORD_VERIFIER: the server's half of the SRP exchange and the client's A. */
  srp?: { challenge: ServerChallenge; A: bigint };
  /** EMAIL_OTP: the code sent and the wrong answers so far. */
  otp?: { code: string; failures: number };
  /** USER_AUTH: the first factors the client may still choose; SELECT_MFA_TYPE, MFA_SETUP: the MFA methods. */
  availableChallenges?: string[];
  /** A second factor: which tokens the sign-in ends with, and what MFA_SETUP has done so far. */
  mfa?: { source: TokenSource; settingUp?: 'EMAIL_OTP'; totpVerified?: boolean };
}

/**
 * The sessions of sign-ins in progress, held in memory as Cognito holds them server-side. A session is used once:
 * taking it removes it, and a later call with the same value is refused, as is one after its validity.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export class ChallengeSessions {
  private readonly open = new Map<string, ChallengeState>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores a state under a new opaque session value and returns the value. */
  start(state: Omit<ChallengeState, 'expiresAt'>, validityMinutes = DEFAULT_SESSION_MINUTES): string {
    const id = randomBytes(96).toString('base64');
    this.open.set(id, { ...state, expiresAt: this.now() + validityMinutes * 60_000 });
    this.prune();
    return id;
  }

  /**
   * Takes the session `id` of `clientId` (of any client when the call names none: AssociateSoftwareToken and
   * VerifySoftwareToken carry only the session).
   *
   * @throws NotAuthorizedException `Invalid session for the user.` for an unknown, used or other client's session,
   * `Invalid session for the user, session is expired.` after its validity
   */
  take(id: unknown, clientId?: string): ChallengeState {
    const state = typeof id === 'string' ? this.open.get(id) : undefined;
    if (state === undefined || (clientId !== undefined && state.clientId !== clientId)) throw invalidSession();
    this.open.delete(id as string);
    if (state.expiresAt <= this.now()) throw expiredSession();
    return state;
  }

  /** Puts a taken state back under the same value, for an answer Cognito lets the client try again. */
  restore(id: string, state: ChallengeState): void {
    this.open.set(id, state);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, state] of this.open) if (state.expiresAt <= now) this.open.delete(id);
  }
}
