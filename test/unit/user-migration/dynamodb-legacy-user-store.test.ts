import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoDbLegacyUserStore } from '@functions/user-migration/dynamodb-legacy-user-store';
import { LegacyRecordError } from '@functions/user-migration/legacy-user-store';
import { DependencyError } from '@shared/errors';
import { mockClient } from 'aws-sdk-client-mock';

const TABLE = 'legacy-users';
const AT = new Date('2026-11-26T15:30:00.000Z');

const dynamo = mockClient(DynamoDBClient);
const store = createDynamoDbLegacyUserStore(async () => new DynamoDBClient({ region: 'us-east-1' }), TABLE);

beforeEach(() => dynamo.reset());

describe('createDynamoDbLegacyUserStore (faults the emulator cannot produce)', () => {
  it('turns throttling on read into a DependencyError that keeps the cause', async () => {
    const cause = new ProvisionedThroughputExceededException({
      message: 'Rate of requests exceeds the allowed throughput.',
      $metadata: {},
    });
    dynamo.on(GetItemCommand).rejects(cause);

    const error = await store.find('legacy.user@example.com').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: 'Reading the legacy user store failed.', cause });
  });

  it('turns throttling on the migration mark into a DependencyError', async () => {
    const cause = new ThrottlingException({ message: 'Throttled', $metadata: {} });
    dynamo.on(UpdateItemCommand).rejects(cause);

    const error = await store.markMigrated('legacy.user@example.com', AT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: 'Marking the legacy user as migrated failed.', cause });
  });

  it('reads with strong consistency, so a retry sees the mark an earlier attempt wrote', async () => {
    dynamo.on(GetItemCommand).resolves({});

    await expect(store.find('legacy.user@example.com')).resolves.toBeUndefined();
    expect(dynamo.commandCalls(GetItemCommand)[0]?.args[0].input).toMatchObject({
      TableName: TABLE,
      ConsistentRead: true,
    });
  });

  it('treats a failed condition as an account that is already marked', async () => {
    dynamo
      .on(UpdateItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    await expect(store.markMigrated('legacy.user@example.com', AT)).resolves.toBe('already-migrated');
  });

  it('refuses an item that is not a legacy user record, naming the field', async () => {
    dynamo
      .on(GetItemCommand)
      .resolves({ Item: { username: { S: 'legacy.user@example.com' }, status: { S: 'active' } } });

    await expect(store.find('legacy.user@example.com')).rejects.toThrow(
      new LegacyRecordError('passwordHash', 'must be a non-empty string'),
    );
  });

  it('turns a client that cannot be created into a DependencyError', async () => {
    const broken = createDynamoDbLegacyUserStore(() => Promise.reject(new Error('no region')), TABLE);

    await expect(broken.find('legacy.user@example.com')).rejects.toBeInstanceOf(DependencyError);
  });
});

describe('createDynamoDbLegacyUserStore and the invocation’s abort signal', () => {
  it('passes it to the read and to the mark', async () => {
    dynamo.on(GetItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({});
    const { signal } = new AbortController();

    await store.find('legacy.user@example.com', signal);
    await store.markMigrated('legacy.user@example.com', AT, signal);

    const calls = [...dynamo.commandCalls(GetItemCommand), ...dynamo.commandCalls(UpdateItemCommand)];
    expect(calls.map((call) => (call.args as unknown[])[1])).toEqual([
      { abortSignal: signal },
      { abortSignal: signal },
    ]);
  });
});
