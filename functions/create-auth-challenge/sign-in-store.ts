import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SIGN_IN_METHODS, type SignInMethod } from '@shared/custom-auth/sign-in-method';
import { DependencyError } from '@shared/errors';

/** A code or link issued to a user. Times are milliseconds since the epoch. */
export interface Issue {
  /** Random, unique per issue: what claims and completions name. */
  id: string;
  /** The sign-in it was issued for (see `signInIdOf`): the only one it is given to. */
  signInId: string;
  /** The code itself, or the link's id (the link is derived from it and the key). */
  secret: string;
  issuedAt: number;
  expiresAt: number;
  /** When SES accepted its email; absent while none was sent. */
  sentAt?: number;
  /** Until when an invocation holds the right to send its email. */
  claimedUntil?: number;
}

/** How many sign-in emails a user was sent in the current window, which began at `start`. */
export interface SendWindow {
  start: number;
  count: number;
}

/** What the store keeps about one user's passwordless sign-ins. */
export interface SignInRecord {
  /** Increases with every new issue; a new issue is written only over the version it was planned from. */
  version: number;
  window: SendWindow;
  issues: Partial<Record<SignInMethod, Issue>>;
}

/**
 * Keeps each user's current code and link and how many sign-in emails they were sent, by a key derived from the
 * user (see `userKey`). Every write is conditional, so concurrent invocations for the same user cannot both issue,
 * and only one of them sends an email. Each operation takes the invocation's abort signal last (see
 * `StepContext.signal`).
 */
export interface SignInStore {
  /** The user's record, read consistently; undefined when there is none. */
  read(userKey: string, signal?: AbortSignal): Promise<SignInRecord | undefined>;
  /**
   * Records `issue` as the user's current one of `method` (forgetting the previous one's email state) with `window`,
   * if the record is still at `version` (0: no record yet). False when another invocation wrote first.
   */
  issue(
    userKey: string,
    method: SignInMethod,
    issue: Issue,
    window: SendWindow,
    version: number,
    signal?: AbortSignal,
  ): Promise<boolean>;
  /**
   * Grants the caller the sending of issue `issueId`'s email until `until`, if that issue is still current, its email
   * was not sent, and no unexpired claim holds it at `now`. False otherwise.
   */
  claim(
    userKey: string,
    method: SignInMethod,
    issueId: string,
    until: number,
    now: number,
    signal?: AbortSignal,
  ): Promise<boolean>;
  /** Records that issue `issueId`'s email was sent at `sentAt`; false when the issue is no longer current. */
  complete(
    userKey: string,
    method: SignInMethod,
    issueId: string,
    sentAt: number,
    signal?: AbortSignal,
  ): Promise<boolean>;
  /** Gives up the claim on issue `issueId`, so that a retry can send its email. */
  release(userKey: string, method: SignInMethod, issueId: string, signal?: AbortSignal): Promise<void>;
}

type Item = Record<string, AttributeValue>;

/** The attribute-name prefix of each method's issue in the item. */
const PREFIX: Readonly<Record<SignInMethod, string>> = { email_code: 'emailCode', magic_link: 'magicLink' };
/** Seconds past the latest expiry before DynamoDB may delete an item: a day, so the send window outlives it. */
const TTL_MARGIN_SECONDS = 86_400;

const n = (value: number): AttributeValue => ({ N: String(value) });
const s = (value: string): AttributeValue => ({ S: value });

function numberAt(item: Item, name: string): number | undefined {
  const value = item[name]?.N;
  return value === undefined ? undefined : Number(value);
}

function issueOf(item: Item, method: SignInMethod): Issue | undefined {
  const prefix = PREFIX[method];
  const id = item[`${prefix}Id`]?.S;
  const signInId = item[`${prefix}SignInId`]?.S;
  const secret = item[`${prefix}Secret`]?.S;
  const issuedAt = numberAt(item, `${prefix}IssuedAt`);
  const expiresAt = numberAt(item, `${prefix}ExpiresAt`);
  if (
    id === undefined ||
    signInId === undefined ||
    secret === undefined ||
    issuedAt === undefined ||
    expiresAt === undefined
  ) {
    return undefined;
  }
  const sentAt = numberAt(item, `${prefix}SentAt`);
  const claimedUntil = numberAt(item, `${prefix}ClaimedUntil`);
  return {
    id,
    signInId,
    secret,
    issuedAt,
    expiresAt,
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(claimedUntil === undefined ? {} : { claimedUntil }),
  };
}

function recordOf(item: Item): SignInRecord {
  const issues: SignInRecord['issues'] = {};
  for (const method of SIGN_IN_METHODS) {
    const issue = issueOf(item, method);
    if (issue !== undefined) issues[method] = issue;
  }
  return {
    version: numberAt(item, 'version') ?? 0,
    window: { start: numberAt(item, 'windowStart') ?? 0, count: numberAt(item, 'windowCount') ?? 0 },
    issues,
  };
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * A {@link SignInStore} over the DynamoDB table `tableName` (resources/tables.yml `SignInChallengesTable`): one item
 * per user, `user#<userKey>`, holding each method's current issue under the method's prefix (`emailCode…`,
 * `magicLink…`), the send window and `ttl`, after which DynamoDB deletes it. `client` is called on first use, so the
 * SDK loads only when a step needs it.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
export function createDynamoDbSignInStore(client: () => Promise<DynamoDBClient>, tableName: string): SignInStore {
  const key = (userKey: string) => ({ pk: s(`user#${userKey}`) });

  /** An UpdateItem that applies only under `condition`: true when it did, false when the condition failed. */
  const update = async (
    operation: string,
    userKey: string,
    request: { update: string; condition: string; names: Record<string, string>; values?: Item },
    signal: AbortSignal | undefined,
  ): Promise<boolean> => {
    try {
      const { UpdateItemCommand } = await import('@shared/aws/sdk/dynamodb');
      await (await client()).send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(userKey),
          UpdateExpression: request.update,
          ConditionExpression: request.condition,
          ExpressionAttributeNames: request.names,
          ...(request.values === undefined ? {} : { ExpressionAttributeValues: request.values }),
        }),
        { abortSignal: signal },
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new DependencyError(`Could not ${operation} in the sign-in challenges table.`, {
        cause: error,
        dependency: 'DynamoDB',
      });
    }
  };

  /** The attribute names of `method`'s issue, as `#Id`, `#Secret`… */
  const issueNames = (method: SignInMethod) =>
    Object.fromEntries(
      ['Id', 'SignInId', 'Secret', 'IssuedAt', 'ExpiresAt', 'SentAt', 'ClaimedUntil'].map((part) => [
        `#${part}`,
        `${PREFIX[method]}${part}`,
      ]),
    );

  return {
    async read(userKey, signal) {
      try {
        const { GetItemCommand } = await import('@shared/aws/sdk/dynamodb');
        const { Item } = await (await client()).send(
          new GetItemCommand({ TableName: tableName, Key: key(userKey), ConsistentRead: true }),
          { abortSignal: signal },
        );
        return Item === undefined ? undefined : recordOf(Item);
      } catch (error) {
        throw new DependencyError('Could not read the sign-in challenges table.', {
          cause: error,
          dependency: 'DynamoDB',
        });
      }
    },

    issue(userKey, method, issue, window, version, signal) {
      return update(
        'record a sign-in challenge',
        userKey,
        {
          update:
            'SET #Id = :id, #SignInId = :signInId, #Secret = :secret, #IssuedAt = :issuedAt, #ExpiresAt = :expiresAt, #version = :next,' +
            ' #windowStart = :windowStart, #windowCount = :windowCount, #ttl = :ttl REMOVE #SentAt, #ClaimedUntil',
          condition: version === 0 ? 'attribute_not_exists(#version)' : '#version = :version',
          names: {
            ...issueNames(method),
            '#version': 'version',
            '#windowStart': 'windowStart',
            '#windowCount': 'windowCount',
            '#ttl': 'ttl',
          },
          values: {
            ':id': s(issue.id),
            ':signInId': s(issue.signInId),
            ':secret': s(issue.secret),
            ':issuedAt': n(issue.issuedAt),
            ':expiresAt': n(issue.expiresAt),
            ':next': n(version + 1),
            ':windowStart': n(window.start),
            ':windowCount': n(window.count),
            ':ttl': n(Math.ceil(issue.expiresAt / 1000) + TTL_MARGIN_SECONDS),
            ...(version === 0 ? {} : { ':version': n(version) }),
          },
        },
        signal,
      );
    },

    claim: (userKey, method, issueId, until, now, signal) =>
      update(
        'claim a sign-in email',
        userKey,
        {
          update: 'SET #ClaimedUntil = :until',
          condition:
            '#Id = :id AND attribute_not_exists(#SentAt) AND (attribute_not_exists(#ClaimedUntil) OR #ClaimedUntil < :now)',
          names: {
            '#Id': `${PREFIX[method]}Id`,
            '#SentAt': `${PREFIX[method]}SentAt`,
            '#ClaimedUntil': `${PREFIX[method]}ClaimedUntil`,
          },
          values: { ':id': s(issueId), ':until': n(until), ':now': n(now) },
        },
        signal,
      ),

    complete: (userKey, method, issueId, sentAt, signal) =>
      update(
        'record a sent sign-in email',
        userKey,
        {
          update: 'SET #SentAt = :sentAt REMOVE #ClaimedUntil',
          condition: '#Id = :id',
          names: {
            '#Id': `${PREFIX[method]}Id`,
            '#SentAt': `${PREFIX[method]}SentAt`,
            '#ClaimedUntil': `${PREFIX[method]}ClaimedUntil`,
          },
          values: { ':id': s(issueId), ':sentAt': n(sentAt) },
        },
        signal,
      ),

    async release(userKey, method, issueId, signal) {
      await update(
        'release a sign-in email claim',
        userKey,
        {
          update: 'REMOVE #ClaimedUntil',
          condition: '#Id = :id',
          names: { '#Id': `${PREFIX[method]}Id`, '#ClaimedUntil': `${PREFIX[method]}ClaimedUntil` },
          values: { ':id': s(issueId) },
        },
        signal,
      );
    },
  };
}
