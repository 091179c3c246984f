import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DependencyError } from '@shared/errors';
import { createCognitoGroupMembership } from '@shared/onboarding/group-membership';
import { mockClient } from 'aws-sdk-client-mock';

// No Cognito emulator is installed, so the admin API is mocked.
const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });
const cognito = mockClient(client);
const membership = createCognitoGroupMembership(async () => client);

afterEach(() => cognito.reset());
afterAll(() => client.destroy());

describe('createCognitoGroupMembership', () => {
  it('adds the user to the group of the given pool', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    await membership.add('us-east-1_Xq7fLw2Zb', 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19', 'users');

    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'us-east-1_Xq7fLw2Zb', Username: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19', GroupName: 'users' },
    ]);
  });

  it.each([
    ['a missing group', new ResourceNotFoundException({ message: 'Group not found.', $metadata: {} })],
    ['throttling', new TooManyRequestsException({ message: 'Too many requests', $metadata: {} })],
  ])('turns %s into a DependencyError naming the group, with the cause', async (_case, failure) => {
    cognito.on(AdminAddUserToGroupCommand).rejects(failure);

    const error = await membership.add('us-east-1_Xq7fLw2Zb', 'someone', 'users').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: 'Could not add the user to group "users".', cause: failure });
  });
});

describe('createCognitoGroupMembership and the invocation’s abort signal', () => {
  it('passes it to AdminAddUserToGroup', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const { signal } = new AbortController();

    await membership.add('us-east-1_Xq7fLw2Zb', 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19', 'users', signal);

    expect((cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args as unknown[] | undefined)?.[1]).toEqual({
      abortSignal: signal,
    });
  });
});
