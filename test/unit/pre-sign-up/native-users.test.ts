/*
 * The Cognito admin API is mocked with aws-sdk-client-mock: cognito-local implements neither
 * AdminLinkProviderForUser nor the federated PreSignUp trigger, and the faults below (throttling, an
 * unexpected refusal) cannot be produced by an emulator.
 */
import {
  AdminLinkProviderForUserCommand,
  LimitExceededException,
  ListUsersCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityLink } from '@functions/pre-sign-up/native-users';
import { DependencyError } from '@shared/errors';
import { cognitoPool, nativeUser, POOL_ID } from './support';

const EMAIL = 'tariq.benali@example.com';
const LINK: IdentityLink = {
  userPoolId: POOL_ID,
  destinationUsername: 'native-1',
  providerName: 'Google',
  subject: '109876543210987654321',
};

describe('createCognitoNativeUsers', () => {
  describe('withEmail', () => {
    it('lists the users with exactly that email, attributes as a map', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL), nativeUser('other', 'other@example.com')]);

      const users = await pool.nativeUsers.withEmail(POOL_ID, EMAIL);

      expect(pool.mock.commandCalls(ListUsersCommand)[0]?.args[0].input).toEqual({
        UserPoolId: POOL_ID,
        Filter: `email = "${EMAIL}"`,
      });
      expect(users).toEqual([
        {
          username: 'native-1',
          status: 'CONFIRMED',
          createdAt: new Date('2026-01-05T10:00:00Z'),
          attributes: { sub: 'native-1', email: EMAIL, email_verified: 'true' },
        },
      ]);
    });

    it('escapes the email in the filter', async () => {
      const pool = cognitoPool([]);

      await pool.nativeUsers.withEmail(POOL_ID, 'a"b\\c@example.com');

      expect(pool.mock.commandCalls(ListUsersCommand)[0]?.args[0].input.Filter).toBe(
        'email = "a\\"b\\\\c@example.com"',
      );
    });

    it('reports a throttled call as a DependencyError keeping the cause', async () => {
      const pool = cognitoPool([]);
      const throttled = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
      pool.mock.on(ListUsersCommand).rejects(throttled);

      const error = await pool.nativeUsers.withEmail(POOL_ID, EMAIL).catch((caught: unknown) => caught);

      expect(error).toEqual(new DependencyError('ListUsers failed.', { cause: throttled, dependency: 'Cognito' }));
      expect((error as Error).cause).toBe(throttled);
    });
  });

  describe('link', () => {
    it('links the identity to the native user as Cognito expects it', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL)]);

      await expect(pool.nativeUsers.link(LINK)).resolves.toBe('linked');

      expect(pool.mock.commandCalls(AdminLinkProviderForUserCommand)[0]?.args[0].input).toEqual({
        UserPoolId: POOL_ID,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'native-1' },
        SourceUser: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: '109876543210987654321',
        },
      });
      expect(pool.identitiesOf('native-1')).toEqual([
        expect.objectContaining({ providerName: 'Google', userId: '109876543210987654321' }),
      ]);
    });

    it('answers a second link of the same identity with already-linked, after reading the link back', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL)]);
      await pool.nativeUsers.link(LINK);

      await expect(pool.nativeUsers.link(LINK)).resolves.toBe('already-linked');

      expect(pool.mock.commandCalls(ListUsersCommand)[0]?.args[0].input.Filter).toBe('username = "native-1"');
      expect(pool.identitiesOf('native-1')).toHaveLength(1);
    });

    it('does not take an InvalidParameterException for already-linked when the identity is not on the destination', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL), nativeUser('native-2', EMAIL)]);
      await pool.nativeUsers.link({ ...LINK, destinationUsername: 'native-2' });

      await expect(pool.nativeUsers.link(LINK)).rejects.toMatchObject({
        name: 'DependencyError',
        message: 'AdminLinkProviderForUser failed.',
        cause: expect.objectContaining({ name: 'InvalidParameterException' }),
      });
    });

    it('answers no-destination when the native user no longer exists', async () => {
      const pool = cognitoPool([]);

      await expect(pool.nativeUsers.link(LINK)).resolves.toBe('no-destination');
    });

    it('answers link-limit-reached when the destination has five identities, already-linked when ours is one of them', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL)]);
      pool.mock
        .on(AdminLinkProviderForUserCommand)
        .rejects(new LimitExceededException({ message: 'Limit exceeded', $metadata: {} }));

      await expect(pool.nativeUsers.link(LINK)).resolves.toBe('link-limit-reached');

      pool.users[0]?.Attributes?.push({
        Name: 'identities',
        Value: JSON.stringify([{ providerName: 'Google', userId: LINK.subject }]),
      });
      await expect(pool.nativeUsers.link(LINK)).resolves.toBe('already-linked');
    });

    it('reports throttling as a DependencyError keeping the SDK error as cause', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL)]);
      const throttled = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
      pool.mock.on(AdminLinkProviderForUserCommand).rejects(throttled);

      const error = await pool.nativeUsers.link(LINK).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(DependencyError);
      expect((error as Error).cause).toBe(throttled);
    });
  });

  describe('and the invocation’s abort signal', () => {
    it('passes it to every call, the read-back of an existing link included', async () => {
      const pool = cognitoPool([nativeUser('native-1', EMAIL)]);
      const { signal } = new AbortController();

      await pool.nativeUsers.withEmail(POOL_ID, EMAIL, signal);
      await pool.nativeUsers.link(LINK, signal);
      await pool.nativeUsers.link(LINK, signal);

      const calls = [
        ...pool.mock.commandCalls(ListUsersCommand),
        ...pool.mock.commandCalls(AdminLinkProviderForUserCommand),
      ];
      expect(calls.map((call) => (call.args as unknown[])[1])).toEqual(Array(4).fill({ abortSignal: signal }));
    });
  });
});
