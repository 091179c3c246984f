import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DependencyError } from '@shared/errors';
import { newProfile } from '@shared/onboarding/profile';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import { loadFixture } from '@test/helpers/fixtures';
import { NOW } from '@test/helpers/onboarding';
import { mockClient } from 'aws-sdk-client-mock';

// Conditional writes are tested against dynalite; throttling, which it cannot produce, is mocked here.
const client = new DynamoDBClient({ region: 'us-east-1' });
const dynamo = mockClient(client);
const store = createDynamoDbProfileStore(async () => client, 'profiles');
const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
const CLAIM = { id: 'claim-1', expiresAt: NOW.toISOString(), now: NOW.toISOString() };

afterEach(() => dynamo.reset());
afterAll(() => client.destroy());

describe('createDynamoDbProfileStore when DynamoDB throttles', () => {
  beforeEach(() => {
    dynamo.on(PutItemCommand).rejects(throttled);
    dynamo.on(UpdateItemCommand).rejects(throttled);
  });

  it.each([
    [
      'create a profile',
      () =>
        store.create(
          newProfile(loadFixture('PostConfirmation_ConfirmSignUp'), NOW),
          ['welcomeEmail'],
          NOW.toISOString(),
        ),
    ],
    [
      'record a password change',
      () =>
        store.recordPasswordChange(
          newProfile(loadFixture('PostConfirmation_ConfirmForgotPassword'), NOW),
          { at: NOW.toISOString(), duplicateAfter: NOW.toISOString() },
          ['passwordNotice'],
          NOW.toISOString(),
        ),
    ],
    ['claim an email', () => store.claimEmail('sub-1', 'welcomeEmail', CLAIM)],
    ['record a sent email', () => store.completeEmail('sub-1', 'welcomeEmail', 'claim-1', NOW.toISOString())],
    [
      'record a failed email',
      () =>
        store.failEmail('sub-1', 'welcomeEmail', 'claim-1', {
          at: NOW.toISOString(),
          error: 'Throttling',
          retryAt: () => NOW.toISOString(),
          maxAttempts: 5,
        }),
    ],
    ['take a profile out of the outbox', () => store.settleOutbox('sub-1')],
    ['record a sign-in', () => store.recordSignIn('sub-1', NOW.toISOString())],
  ])('fails to %s with a DependencyError carrying the cause', async (operation, write) => {
    const error = await write().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: `Could not ${operation} in the user profiles table.`, cause: throttled });
  });
});

describe('createDynamoDbProfileStore requests', () => {
  it('names in each request only the attributes its expressions use', async () => {
    dynamo.on(UpdateItemCommand).resolves({});

    await store.completeEmail('sub-1', 'passwordNotice', 'claim-1', NOW.toISOString());

    expect(dynamo.commandCalls(UpdateItemCommand)[0]?.args[0].input).toEqual({
      TableName: 'profiles',
      Key: { sub: { S: 'sub-1' } },
      UpdateExpression: 'SET #SentFor = #ClaimedFor, #SentAt = :sentAt REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
      ConditionExpression: '#ClaimId = :id',
      ExpressionAttributeNames: {
        '#SentFor': 'passwordNoticeSentFor',
        '#SentAt': 'passwordNoticeSentAt',
        '#ClaimId': 'passwordNoticeClaimId',
        '#ClaimExpiresAt': 'passwordNoticeClaimExpiresAt',
        '#ClaimedFor': 'passwordNoticeClaimedFor',
      },
      ExpressionAttributeValues: { ':id': { S: 'claim-1' }, ':sentAt': { S: NOW.toISOString() } },
      ReturnValues: 'UPDATED_NEW',
    });
  });
});

describe('createDynamoDbProfileStore and the invocation’s abort signal', () => {
  it('passes it to every call', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({ Attributes: { welcomeEmailAttempts: { N: '1' } } });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const { signal } = new AbortController();
    const confirmed = newProfile(loadFixture('PostConfirmation_ConfirmSignUp'), NOW);
    const change = { at: NOW.toISOString(), duplicateAfter: NOW.toISOString() };
    const failure = { at: NOW.toISOString(), error: 'Throttling', retryAt: () => NOW.toISOString(), maxAttempts: 3 };
    const outboxAt = NOW.toISOString();

    await store.create(confirmed, ['welcomeEmail'], outboxAt, signal);
    await store.recordPasswordChange(confirmed, change, ['passwordNotice'], outboxAt, signal);
    await store.recordSignIn(confirmed.sub, NOW.toISOString(), signal);
    await store.claimEmail(confirmed.sub, 'welcomeEmail', CLAIM, signal);
    await store.completeEmail(confirmed.sub, 'welcomeEmail', CLAIM.id, NOW.toISOString(), signal);
    await store.failEmail(confirmed.sub, 'welcomeEmail', CLAIM.id, failure, signal);
    await store.settleOutbox(confirmed.sub, signal);
    await store.dueProfiles(NOW.toISOString(), 25, undefined, signal);

    const calls = [
      ...dynamo.commandCalls(PutItemCommand),
      ...dynamo.commandCalls(UpdateItemCommand),
      ...dynamo.commandCalls(QueryCommand),
    ];
    expect(calls.length).toBeGreaterThanOrEqual(9);
    expect(calls.map((call) => (call.args as unknown[])[1])).toEqual(Array(calls.length).fill({ abortSignal: signal }));
  });
});
