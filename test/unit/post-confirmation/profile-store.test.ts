import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { newProfile } from '@functions/post-confirmation/profile';
import { createDynamoDbProfileStore } from '@functions/post-confirmation/profile-store';
import { DependencyError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { mockClient } from 'aws-sdk-client-mock';
import { NOW } from './support';

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
      () => store.create(newProfile(loadFixture('PostConfirmation_ConfirmSignUp'), NOW), ['welcomeEmail']),
    ],
    [
      'record a password change',
      () =>
        store.recordPasswordChange(
          newProfile(loadFixture('PostConfirmation_ConfirmForgotPassword'), NOW),
          { at: NOW.toISOString(), duplicateAfter: NOW.toISOString() },
          ['passwordNotice'],
        ),
    ],
    ['claim an email', () => store.claimEmail('sub-1', 'welcomeEmail', CLAIM)],
    ['record a sent email', () => store.completeEmail('sub-1', 'welcomeEmail', 'claim-1', NOW.toISOString())],
    ['release an email claim', () => store.releaseEmail('sub-1', 'welcomeEmail', 'claim-1')],
  ])('fails to %s with a DependencyError carrying the cause', async (operation, write) => {
    const error = await write().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: `Could not ${operation} in the user profiles table.`, cause: throttled });
  });
});

describe('createDynamoDbProfileStore requests', () => {
  it('names in each request only the attributes its expressions use', async () => {
    dynamo.on(UpdateItemCommand).resolves({});

    await store.releaseEmail('sub-1', 'passwordNotice', 'claim-1');

    expect(dynamo.commandCalls(UpdateItemCommand)[0]?.args[0].input).toEqual({
      TableName: 'profiles',
      Key: { sub: { S: 'sub-1' } },
      UpdateExpression: 'REMOVE #ClaimId, #ClaimExpiresAt, #ClaimedFor',
      ConditionExpression: '#ClaimId = :id',
      ExpressionAttributeNames: {
        '#ClaimId': 'passwordNoticeClaimId',
        '#ClaimExpiresAt': 'passwordNoticeClaimExpiresAt',
        '#ClaimedFor': 'passwordNoticeClaimedFor',
      },
      ExpressionAttributeValues: { ':id': { S: 'claim-1' } },
    });
  });
});

describe('createDynamoDbProfileStore and the invocation’s abort signal', () => {
  it('passes it to every write', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({});
    const { signal } = new AbortController();
    const confirmed = newProfile(loadFixture('PostConfirmation_ConfirmSignUp'), NOW);
    const change = { at: NOW.toISOString(), duplicateAfter: NOW.toISOString() };

    await store.create(confirmed, ['welcomeEmail'], signal);
    await store.recordPasswordChange(confirmed, change, ['passwordNotice'], signal);
    await store.claimEmail(confirmed.sub, 'welcomeEmail', CLAIM, signal);
    await store.completeEmail(confirmed.sub, 'welcomeEmail', CLAIM.id, NOW.toISOString(), signal);
    await store.releaseEmail(confirmed.sub, 'welcomeEmail', CLAIM.id, signal);

    const calls = [...dynamo.commandCalls(PutItemCommand), ...dynamo.commandCalls(UpdateItemCommand)];
    expect(calls.map((call) => (call.args as unknown[])[1])).toEqual(Array(5).fill({ abortSignal: signal }));
  });
});
