import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DependencyError } from '@shared/errors';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { cognitoAttributesOf, type NewProfile } from './profile';

/**
 * An email a profile keeps a sending record for. Its attributes on the profile item are named after it:
 * `<duty>DueFor` (the time of the occasion that calls for the email: the sign-up, the password change),
 * `<duty>SentFor` and `<duty>SentAt` (the occasion last emailed about, and when), while an invocation sends it
 * the claim `<duty>ClaimId`, `<duty>ClaimExpiresAt` and `<duty>ClaimedFor`, after failed sends
 * `<duty>Attempts` and `<duty>LastError` (the error's name, never its text), and once it is given up on
 * `<duty>ParkedFor` and `<duty>ParkedAt`.
 */
export type EmailDuty = 'welcomeEmail' | 'passwordNotice';

/** Every email duty, in the order the outbox sends them. */
export const EMAIL_DUTIES: readonly EmailDuty[] = ['welcomeEmail', 'passwordNotice'];

/** The name of the profiles table's sparse index of due and parked emails (resources/tables.yml). */
export const OUTBOX_INDEX = 'outbox';

/**
 * Where a profile stands in the outbox, its `outbox` attribute: `due` while an email waits to be sent, `parked`
 * when the only unsent ones were given up on; absent (out of the index) when every email was sent.
 */
export type OutboxState = 'due' | 'parked';

/** An invocation's claim on sending an email. */
export interface EmailClaim {
  /** Unique per invocation; only the holder may complete or fail the claim. */
  id: string;
  /**
   * ISO 8601 time the claim lapses: the claiming invocation's deadline, when Lambda stops it if it is still
   * running. A claim that lapsed belongs to an invocation that is gone, so another may take it over.
   */
  expiresAt: string;
  /** ISO 8601 time of the claim attempt: claims that lapsed before it may be taken over. */
  now: string;
}

/** A failed send: when, why, and what follows it. */
export interface EmailFailure {
  /** ISO 8601 time of the failure. */
  at: string;
  /** The error's name (e.g. `Throttling`): what an operator reads on a parked email. */
  error: string;
  /** ISO 8601 time from which the outbox tries again, after `attempts` failed sends of the email. */
  retryAt(attempts: number): string;
  /** Failed sends after which the email is parked. */
  maxAttempts: number;
}

/** When a password change is recorded, and since when an earlier record makes it a duplicate. */
export interface PasswordChange {
  /** ISO 8601 time of the change. */
  at: string;
  /** ISO 8601 time; a change recorded at or after it is the same change delivered again. */
  duplicateAfter: string;
}

/** A profile the outbox has emails to send for. */
export interface DueProfile {
  sub: string;
  /** ISO 8601 time from which the profile is due: with `sub`, its place in the `outbox` index. */
  outboxAt: string;
  /** The user's attributes as the profile keeps them, by their Cognito names (`email`, `name`, `locale`…). */
  attributes: StringMap;
  /** The emails due and not parked. */
  pending: EmailDuty[];
}

/** Where a page of the outbox ended: its last profile. The next page starts after it. */
export type OutboxPosition = Pick<DueProfile, 'sub' | 'outboxAt'>;

/**
 * The user profiles table, keyed by the Cognito `sub`, and the outbox of the emails each profile is owed. Every
 * write is conditional, so a retried or concurrent duplicate invocation cannot create a second profile, record a
 * change twice or send an email twice:
 *
 * 1. An occasion marks an email due (`<duty>DueFor`) and puts the profile in the outbox (`outbox = due`), in the
 *    same write.
 * 2. {@link ProfileStore.claimEmail} succeeds for one invocation only: the email must be due, not yet sent or
 *    parked for that occasion, and no running invocation may hold a claim (one whose claim has not lapsed).
 * 3. After sending, {@link ProfileStore.completeEmail} records the email as sent for the claimed occasion; after
 *    a failure, {@link ProfileStore.failEmail} counts the attempt, drops the claim and parks the email once the
 *    attempts are spent.
 * 4. {@link ProfileStore.settleOutbox} takes the profile out of the outbox when every email was sent, or marks it
 *    parked when the only unsent ones are parked.
 *
 * Each operation takes the invocation's abort signal last (see `StepContext.signal`).
 */
export interface ProfileStore {
  /**
   * Creates the profile unless one exists for its `sub`, marking `owed` emails due for the creation and, when
   * there are any, putting the profile in the outbox from `outboxAt` (ISO 8601).
   * @returns `created`, or `exists` when a profile was already there (it is left unchanged).
   */
  create(
    profile: NewProfile,
    owed: readonly EmailDuty[],
    outboxAt: string,
    signal?: AbortSignal,
  ): Promise<'created' | 'exists'>;
  /**
   * Records a password change as `passwordChangedAt`, creating the profile when there is none (existing
   * profile attributes are kept) and marking `owed` emails due for the change, in the outbox from `outboxAt`.
   * @returns `recorded`, or `duplicate` when a change was recorded at or after `change.duplicateAfter`.
   */
  recordPasswordChange(
    profile: NewProfile,
    change: PasswordChange,
    owed: readonly EmailDuty[],
    outboxAt: string,
    signal?: AbortSignal,
  ): Promise<'recorded' | 'duplicate'>;
  /** Records a sign-in as `lastSignInAt`; `no-profile` when the user has none (nothing is written). */
  recordSignIn(sub: string, at: string, signal?: AbortSignal): Promise<'recorded' | 'no-profile'>;
  /** Claims sending `duty`; false when it is not due, already sent or parked, or claimed by another invocation. */
  claimEmail(sub: string, duty: EmailDuty, claim: EmailClaim, signal?: AbortSignal): Promise<boolean>;
  /** Records `duty` as sent at `sentAt` and ends the claim; false when the claim is no longer held. */
  completeEmail(sub: string, duty: EmailDuty, claimId: string, sentAt: string, signal?: AbortSignal): Promise<boolean>;
  /**
   * Counts a failed send, drops the claim and sets when the outbox tries again; parks the email when this was
   * its last attempt.
   * @returns `retrying`, `parked`, or `not-held` when the claim was no longer held (nothing is written).
   */
  failEmail(
    sub: string,
    duty: EmailDuty,
    claimId: string,
    failure: EmailFailure,
    signal?: AbortSignal,
  ): Promise<FailedSend>;
  /** Takes the profile out of the outbox, or marks it parked, when no email is pending any more. */
  settleOutbox(sub: string, signal?: AbortSignal): Promise<OutboxState | 'settled'>;
  /**
   * Up to `limit` profiles of the outbox due at `now` (ISO 8601) or earlier, oldest first, starting after
   * `after` (the last profile of the page before) when it is given. Fewer than `limit` only when no more are due,
   * so a caller pages on from the last profile of a full page, past profiles that stay due.
   */
  dueProfiles(now: string, limit: number, after?: OutboxPosition, signal?: AbortSignal): Promise<DueProfile[]>;
}

/** What {@link ProfileStore.failEmail} did. */
export type FailedSend = 'retrying' | 'parked' | 'not-held';

type Values = Record<string, AttributeValue>;
type Value = string | number;

/**
 * One conditional write. Attribute names appear in the expressions as `#name` and stand for `prefix + name`
 * (e.g. `#SentAt` with prefix `welcomeEmail` is `welcomeEmailSentAt`); values appear as `:value`.
 */
interface ConditionalUpdate {
  update: string;
  condition: string;
  prefix?: string;
  values: Readonly<Record<string, Value>>;
}

const NAME_TOKEN = /#(\w+)/g;

/** The `ExpressionAttributeNames` of `expressions`: DynamoDB rejects names that no expression uses. */
function attributeNames(expressions: readonly string[], prefix: string): Record<string, string> {
  const tokens = expressions.flatMap((expression) =>
    [...expression.matchAll(NAME_TOKEN)].map((match) => match[1] ?? ''),
  );
  return Object.fromEntries(tokens.map((token) => [`#${token}`, `${prefix}${token}`]));
}

function attributeValues(record: Readonly<Record<string, Value>>): Values {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      typeof value === 'number' ? { N: String(value) } : { S: value },
    ]),
  );
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The profile's attributes besides its key; a password change sets them only where the profile lacks them. */
function profileFields(profile: NewProfile): Record<string, string> {
  const { sub: _key, attributes, ...identity } = profile;
  return { ...identity, ...attributes };
}

/** `duty` counts as sent or given up on for its occasion (or is not owed at all). */
function settled(duty: EmailDuty, { parkedCounts }: { parkedCounts: boolean }): string {
  const parked = parkedCounts ? ` OR #${duty}ParkedFor = #${duty}DueFor` : '';
  return `(attribute_not_exists(#${duty}DueFor) OR #${duty}SentFor = #${duty}DueFor${parked})`;
}

/** The emails of a stored profile item that are due for their occasion and neither sent nor parked. */
function pendingDuties(item: Readonly<Record<string, string | undefined>>): EmailDuty[] {
  return EMAIL_DUTIES.filter((duty) => {
    const dueFor = item[`${duty}DueFor`];
    return dueFor !== undefined && item[`${duty}SentFor`] !== dueFor && item[`${duty}ParkedFor`] !== dueFor;
  });
}

/** A stored item's string attributes (the only ones a due profile is read for). */
function stringsOf(item: Values): Record<string, string> {
  return Object.fromEntries(
    Object.entries(item).flatMap(([name, value]) => (value.S === undefined ? [] : [[name, value.S]])),
  );
}

/**
 * A {@link ProfileStore} over the DynamoDB table `tableName` (key schema and outbox index: resources/tables.yml
 * `UserProfilesTable`). `client` is called on first use, so the SDK loads only when a step needs it.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.sparse
 */
export function createDynamoDbProfileStore(client: () => Promise<DynamoDBClient>, tableName: string): ProfileStore {
  /** Runs a conditional write: its result when it applied, `undefined` when its condition failed. */
  const attempt = async <T>(
    operation: string,
    write: (dynamo: DynamoDBClient, options: { abortSignal?: AbortSignal }) => Promise<T>,
    signal: AbortSignal | undefined,
  ) => {
    try {
      return { result: await write(await client(), { abortSignal: signal }) };
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw new DependencyError(`Could not ${operation} in the user profiles table.`, {
        cause: error,
        dependency: 'DynamoDB',
      });
    }
  };

  const update = (
    operation: string,
    sub: string,
    { update, condition, prefix = '', values }: ConditionalUpdate,
    signal: AbortSignal | undefined,
  ) =>
    attempt(
      operation,
      async (dynamo, options) => {
        const { UpdateItemCommand } = await import('@shared/aws/sdk/dynamodb');
        return dynamo.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { sub: { S: sub } },
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeNames: attributeNames([update, condition], prefix),
            // DynamoDB refuses an empty map of values.
            ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: attributeValues(values) } : {}),
            ReturnValues: 'UPDATED_NEW',
          }),
          options,
        );
      },
      signal,
    );

  const applied = async (pending: Promise<unknown>) => (await pending) !== undefined;

  return {
    async create(profile, owed, outboxAt, signal) {
      const item = {
        ...profileFields(profile),
        sub: profile.sub,
        ...Object.fromEntries(owed.map((duty) => [`${duty}DueFor`, profile.createdAt])),
        ...(owed.length > 0 ? { outbox: 'due', outboxAt } : {}),
      };
      const created = await attempt(
        'create a profile',
        async (dynamo, options) => {
          const { PutItemCommand } = await import('@shared/aws/sdk/dynamodb');
          return dynamo.send(
            new PutItemCommand({
              TableName: tableName,
              Item: attributeValues(item),
              ConditionExpression: 'attribute_not_exists(#sub)',
              ExpressionAttributeNames: { '#sub': 'sub' },
            }),
            options,
          );
        },
        signal,
      );
      return created ? 'created' : 'exists';
    },

    async recordPasswordChange(profile, change, owed, outboxAt, signal) {
      const fields = profileFields(profile);
      const assignments = [
        '#passwordChangedAt = :at',
        ...owed.map((duty) => `#${duty}DueFor = :at`),
        ...(owed.length > 0 ? ['#outbox = :due', '#outboxAt = :outboxAt'] : []),
        ...Object.keys(fields).map((name) => `#${name} = if_not_exists(#${name}, :${name})`),
      ];
      // A new occasion starts the email's record afresh.
      const removals = owed.flatMap((duty) => [`#${duty}Attempts`, `#${duty}ParkedFor`, `#${duty}ParkedAt`]);
      const recorded = await update(
        'record a password change',
        profile.sub,
        {
          update: `SET ${assignments.join(', ')}${removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : ''}`,
          condition: 'attribute_not_exists(#passwordChangedAt) OR #passwordChangedAt < :duplicateAfter',
          values: {
            ':at': change.at,
            ':duplicateAfter': change.duplicateAfter,
            ...(owed.length > 0 ? { ':due': 'due', ':outboxAt': outboxAt } : {}),
            ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])),
          },
        },
        signal,
      );
      return recorded ? 'recorded' : 'duplicate';
    },

    async recordSignIn(sub, at, signal) {
      const recorded = await update(
        'record a sign-in',
        sub,
        {
          update: 'SET #lastSignInAt = :at',
          condition: 'attribute_exists(#sub)',
          values: { ':at': at },
        },
        signal,
      );
      return recorded ? 'recorded' : 'no-profile';
    },

    claimEmail: (sub, duty, claim, signal) =>
      applied(
        update(
          'claim an email',
          sub,
          {
            update: 'SET #ClaimId = :id, #ClaimExpiresAt = :expiresAt, #ClaimedFor = #DueFor',
            condition:
              'attribute_exists(#DueFor) AND (attribute_not_exists(#SentFor) OR #SentFor <> #DueFor)' +
              ' AND (attribute_not_exists(#ParkedFor) OR #ParkedFor <> #DueFor)' +
              ' AND (attribute_not_exists(#ClaimExpiresAt) OR #ClaimExpiresAt < :now)',
            prefix: duty,
            values: { ':id': claim.id, ':expiresAt': claim.expiresAt, ':now': claim.now },
          },
          signal,
        ),
      ),

    completeEmail: (sub, duty, claimId, sentAt, signal) =>
      applied(
        update(
          'record a sent email',
          sub,
          {
            update: 'SET #SentFor = #ClaimedFor, #SentAt = :sentAt REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
            condition: '#ClaimId = :id',
            prefix: duty,
            values: { ':id': claimId, ':sentAt': sentAt },
          },
          signal,
        ),
      ),

    async failEmail(sub, duty, claimId, { at, error, retryAt, maxAttempts }, signal) {
      const counted = await update(
        'record a failed email',
        sub,
        {
          update:
            'SET #Attempts = if_not_exists(#Attempts, :zero) + :one, #LastError = :error' +
            ' REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
          condition: '#ClaimId = :id',
          prefix: duty,
          values: { ':zero': 0, ':one': 1, ':error': error, ':id': claimId },
        },
        signal,
      );
      if (counted === undefined) return 'not-held';
      const attempts = Number(counted.result.Attributes?.[`${duty}Attempts`]?.N ?? '0');
      if (attempts < maxAttempts) {
        await update(
          'schedule a retry of an email',
          sub,
          {
            update: 'SET #outboxAt = :retryAt',
            condition: '#outbox = :due',
            values: { ':retryAt': retryAt(attempts), ':due': 'due' },
          },
          signal,
        );
        return 'retrying';
      }
      await update(
        'park an email',
        sub,
        {
          update: 'SET #ParkedFor = #DueFor, #ParkedAt = :at',
          condition: 'attribute_exists(#DueFor) AND (attribute_not_exists(#SentFor) OR #SentFor <> #DueFor)',
          prefix: duty,
          values: { ':at': at },
        },
        signal,
      );
      return 'parked';
    },

    async settleOutbox(sub, signal) {
      const everySent = EMAIL_DUTIES.map((duty) => settled(duty, { parkedCounts: false })).join(' AND ');
      const nonePending = EMAIL_DUTIES.map((duty) => settled(duty, { parkedCounts: true })).join(' AND ');
      if (
        await applied(
          update(
            'take a profile out of the outbox',
            sub,
            {
              update: 'REMOVE #outbox, #outboxAt',
              condition: `attribute_exists(#outbox) AND ${everySent}`,
              values: {},
            },
            signal,
          ),
        )
      ) {
        return 'settled';
      }
      const parked = await applied(
        update(
          'park a profile in the outbox',
          sub,
          {
            update: 'SET #outbox = :parked',
            condition: `#outbox = :due AND ${nonePending}`,
            values: { ':parked': 'parked', ':due': 'due' },
          },
          signal,
        ),
      );
      return parked ? 'parked' : 'due';
    },

    async dueProfiles(now, limit, after, signal) {
      const { QueryCommand } = await import('@shared/aws/sdk/dynamodb');
      const found: Values[] = [];
      // An index's LastEvaluatedKey is the last item's index and table keys: the page before ended at `after`.
      let startKey: Values | undefined =
        after && attributeValues({ outbox: 'due', outboxAt: after.outboxAt, sub: after.sub });
      try {
        do {
          const answer = await (await client()).send(
            new QueryCommand({
              TableName: tableName,
              IndexName: OUTBOX_INDEX,
              KeyConditionExpression: '#outbox = :due AND #outboxAt <= :now',
              ExpressionAttributeNames: { '#outbox': 'outbox', '#outboxAt': 'outboxAt' },
              ExpressionAttributeValues: attributeValues({ ':due': 'due', ':now': now }),
              Limit: limit - found.length,
              ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
            }),
            { abortSignal: signal },
          );
          found.push(...(answer.Items ?? []));
          // A query stops short of its Limit at 1 MB read; LastEvaluatedKey then says where to go on.
          startKey = answer.LastEvaluatedKey;
        } while (startKey !== undefined && found.length < limit);
      } catch (error) {
        throw new DependencyError('Could not read the outbox of the user profiles table.', {
          cause: error,
          dependency: 'DynamoDB',
        });
      }
      return found.map((item) => {
        const fields = stringsOf(item);
        return {
          sub: fields['sub'] ?? '',
          outboxAt: fields['outboxAt'] ?? '',
          attributes: cognitoAttributesOf(fields),
          pending: pendingDuties(fields),
        };
      });
    },
  };
}
