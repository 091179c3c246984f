import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DependencyError } from '@shared/errors';
import type { NewProfile } from './profile';

/**
 * An email a profile keeps a sending record for. Its attributes on the profile item are named after it:
 * `<duty>DueFor` (the time of the occasion that calls for the email: the sign-up, the password change),
 * `<duty>SentFor` and `<duty>SentAt` (the occasion last emailed about, and when), and while an invocation
 * sends it, the claim `<duty>ClaimId`, `<duty>ClaimExpiresAt` and `<duty>ClaimedFor`.
 */
export type EmailDuty = 'welcomeEmail' | 'passwordNotice';

/** An invocation's claim on sending an email. */
export interface EmailClaim {
  /** Unique per invocation; only the holder may complete or release the claim. */
  id: string;
  /**
   * ISO 8601 time the claim lapses: the claiming invocation's deadline, when Lambda stops it if it is still
   * running. A claim that lapsed belongs to an invocation that is gone, so another may take it over.
   */
  expiresAt: string;
  /** ISO 8601 time of the claim attempt: claims that lapsed before it may be taken over. */
  now: string;
}

/** When a password change is recorded, and since when an earlier record makes it a duplicate. */
export interface PasswordChange {
  /** ISO 8601 time of the change. */
  at: string;
  /** ISO 8601 time; a change recorded at or after it is the same change delivered again. */
  duplicateAfter: string;
}

/**
 * The user profiles table, keyed by the Cognito `sub`. Every write is conditional, so a retried or concurrent
 * duplicate invocation cannot create a second profile, record a change twice or send an email twice:
 *
 * 1. An occasion marks an email due (`<duty>DueFor`).
 * 2. {@link ProfileStore.claimEmail} succeeds for one invocation only: the email must be due and not yet sent
 *    for that occasion, and no running invocation may hold a claim (one whose claim has not lapsed).
 * 3. After sending, {@link ProfileStore.completeEmail} records the email as sent for the claimed occasion;
 *    after a failure, {@link ProfileStore.releaseEmail} drops the claim so that a retry sends it.
 *
 * Each operation takes the invocation's abort signal last (see `StepContext.signal`).
 */
export interface ProfileStore {
  /**
   * Creates the profile unless one exists for its `sub`, marking `owed` emails due for the creation.
   * @returns `created`, or `exists` when a profile was already there (it is left unchanged).
   */
  create(profile: NewProfile, owed: readonly EmailDuty[], signal?: AbortSignal): Promise<'created' | 'exists'>;
  /**
   * Records a password change as `passwordChangedAt`, creating the profile when there is none (existing
   * profile attributes are kept) and marking `owed` emails due for the change.
   * @returns `recorded`, or `duplicate` when a change was recorded at or after `change.duplicateAfter`.
   */
  recordPasswordChange(
    profile: NewProfile,
    change: PasswordChange,
    owed: readonly EmailDuty[],
    signal?: AbortSignal,
  ): Promise<'recorded' | 'duplicate'>;
  /** Claims sending `duty`; false when it is not due, already sent for its occasion, or claimed by another invocation. */
  claimEmail(sub: string, duty: EmailDuty, claim: EmailClaim, signal?: AbortSignal): Promise<boolean>;
  /** Records `duty` as sent at `sentAt` and ends the claim; false when the claim is no longer held. */
  completeEmail(sub: string, duty: EmailDuty, claimId: string, sentAt: string, signal?: AbortSignal): Promise<boolean>;
  /** Drops the claim so another invocation may send `duty`; false when the claim is no longer held. */
  releaseEmail(sub: string, duty: EmailDuty, claimId: string, signal?: AbortSignal): Promise<boolean>;
}

type Values = Record<string, AttributeValue>;

/**
 * One conditional write. Attribute names appear in the expressions as `#name` and stand for `prefix + name`
 * (e.g. `#SentAt` with prefix `welcomeEmail` is `welcomeEmailSentAt`); values appear as `:value`.
 */
interface ConditionalUpdate {
  update: string;
  condition: string;
  prefix?: string;
  values: Readonly<Record<string, string>>;
}

const NAME_TOKEN = /#(\w+)/g;

/** The `ExpressionAttributeNames` of `expressions`: DynamoDB rejects names that no expression uses. */
function attributeNames(expressions: readonly string[], prefix: string): Record<string, string> {
  const tokens = expressions.flatMap((expression) =>
    [...expression.matchAll(NAME_TOKEN)].map((match) => match[1] ?? ''),
  );
  return Object.fromEntries(tokens.map((token) => [`#${token}`, `${prefix}${token}`]));
}

function strings(record: Readonly<Record<string, string>>): Values {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, { S: value }]));
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function dueMarkers(owed: readonly EmailDuty[], at: string): Record<string, string> {
  return Object.fromEntries(owed.map((duty) => [`${duty}DueFor`, at]));
}

/** The profile's attributes besides its key; a password change sets them only where the profile lacks them. */
function profileFields(profile: NewProfile): Record<string, string> {
  const { sub: _key, attributes, ...identity } = profile;
  return { ...identity, ...attributes };
}

/**
 * A {@link ProfileStore} over the DynamoDB table `tableName` (key schema: resources/tables.yml
 * `UserProfilesTable`). `client` is called on first use, so the SDK loads only when a step needs it.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
export function createDynamoDbProfileStore(client: () => Promise<DynamoDBClient>, tableName: string): ProfileStore {
  /** Runs a conditional write: true when it applied, false when its condition failed. */
  const attempt = async (
    operation: string,
    write: (dynamo: DynamoDBClient, options: { abortSignal?: AbortSignal }) => Promise<unknown>,
    signal: AbortSignal | undefined,
  ): Promise<boolean> => {
    try {
      await write(await client(), { abortSignal: signal });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
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
            ExpressionAttributeValues: strings(values),
          }),
          options,
        );
      },
      signal,
    );

  return {
    async create(profile, owed, signal) {
      const item = { ...profileFields(profile), sub: profile.sub, ...dueMarkers(owed, profile.createdAt) };
      const created = await attempt(
        'create a profile',
        async (dynamo, options) => {
          const { PutItemCommand } = await import('@shared/aws/sdk/dynamodb');
          return dynamo.send(
            new PutItemCommand({
              TableName: tableName,
              Item: strings(item),
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

    async recordPasswordChange(profile, change, owed, signal) {
      const fields = profileFields(profile);
      const assignments = [
        '#passwordChangedAt = :at',
        ...owed.map((duty) => `#${duty}DueFor = :at`),
        ...Object.keys(fields).map((name) => `#${name} = if_not_exists(#${name}, :${name})`),
      ];
      const recorded = await update(
        'record a password change',
        profile.sub,
        {
          update: `SET ${assignments.join(', ')}`,
          condition: 'attribute_not_exists(#passwordChangedAt) OR #passwordChangedAt < :duplicateAfter',
          values: {
            ':at': change.at,
            ':duplicateAfter': change.duplicateAfter,
            ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])),
          },
        },
        signal,
      );
      return recorded ? 'recorded' : 'duplicate';
    },

    claimEmail: (sub, duty, claim, signal) =>
      update(
        'claim an email',
        sub,
        {
          update: 'SET #ClaimId = :id, #ClaimExpiresAt = :expiresAt, #ClaimedFor = #DueFor',
          condition:
            'attribute_exists(#DueFor) AND (attribute_not_exists(#SentFor) OR #SentFor <> #DueFor)' +
            ' AND (attribute_not_exists(#ClaimExpiresAt) OR #ClaimExpiresAt < :now)',
          prefix: duty,
          values: { ':id': claim.id, ':expiresAt': claim.expiresAt, ':now': claim.now },
        },
        signal,
      ),

    completeEmail: (sub, duty, claimId, sentAt, signal) =>
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

    releaseEmail: (sub, duty, claimId, signal) =>
      update(
        'release an email claim',
        sub,
        {
          update: 'REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
          condition: '#ClaimId = :id',
          prefix: duty,
          values: { ':id': claimId },
        },
        signal,
      ),
  };
}
