import { CognitoFlowsError, nameClasses } from '@shared/errors';

/** Whether a legacy account may still sign in. Anything but `active` is refused. */
export type LegacyUserStatus = 'active' | 'disabled';

/** An account of the legacy system, as the migration needs it. */
export interface LegacyUser {
  /** The key the account is found by: the normalised username (the lower-cased email address). */
  readonly username: string;
  /** The password hash in one of the formats `verifyPassword` recognises. */
  readonly passwordHash: string;
  /** Profile attributes by Cognito attribute name, e.g. `email`, `name`, `locale`, `custom:tenant`. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly status: LegacyUserStatus;
  /** When the account was first moved into the user pool (ISO 8601); absent until then. */
  readonly migratedAt?: string;
}

/** What marking an account as migrated did. */
export type MarkMigratedOutcome = 'marked' | 'already-migrated';

/**
 * Where legacy accounts are read from. The project ships a DynamoDB implementation; a team whose accounts live
 * elsewhere (an HTTP API, another database) implements this interface and passes it to the handler.
 *
 * Implementations throw `DependencyError` when the store cannot be reached (the sign-in fails with a generic
 * message and may be retried) and {@link LegacyRecordError} when a record cannot be read. Each operation takes the
 * invocation's abort signal last (see `StepContext.signal`).
 */
export interface LegacyUserStore {
  /** The account whose normalised username is `username`, or `undefined` when there is none. */
  find(username: string, signal?: AbortSignal): Promise<LegacyUser | undefined>;
  /**
   * Records that the account was moved into the user pool at `at`, unless it already was: the first time is
   * kept, so calling this again (Cognito retries triggers) changes nothing.
   */
  markMigrated(username: string, at: Date, signal?: AbortSignal): Promise<MarkMigratedOutcome>;
}

/**
 * A legacy record is unusable: a field is missing or of the wrong type. The message names the field, never its
 * value. Shown to users masked.
 */
export class LegacyRecordError extends CognitoFlowsError {
  readonly userFacing = false;

  constructor(field: string, problem: string) {
    super(`Legacy user record is unusable: ${field} ${problem}.`);
  }
}

nameClasses({ LegacyRecordError });
