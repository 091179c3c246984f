/*
 * The preSignUp handler end to end: middleware, steps and the Cognito admin API. The admin API is mocked with
 * aws-sdk-client-mock over an in-memory pool (see support.ts), because cognito-local implements neither
 * AdminLinkProviderForUser nor the PreSignUp_ExternalProvider trigger.
 */
import {
  AdminLinkProviderForUserCommand,
  ListUsersCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import { GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type CognitoPool, cognitoPool, nativeUser, testConfig } from './support';

const FEDERATED_EMAIL = 'tariq.benali@example.com';
const NATIVE_USERNAME = '0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10';
const GOOGLE_IDENTITY = expect.objectContaining({ providerName: 'Google', userId: '109876543210987654321' });

const stdout = captureStdoutLogsOfEachTest();

function handlerOver(pool: CognitoPool, env: Record<string, string> = {}) {
  return createPreSignUpHandler(testConfig(env), { nativeUsers: pool.nativeUsers });
}

describe('the preSignUp handler', () => {
  describe('on the recorded events', () => {
    it('lets an ordinary self sign-up through unchanged without calling Cognito', async () => {
      const pool = cognitoPool([]);

      const result = await handlerOver(pool)(loadFixture('PreSignUp_SignUp'), lambdaContext());

      expect(result).toEqual(loadFixture('PreSignUp_SignUp'));
      expect(pool.mock.calls()).toHaveLength(0);
    });

    it('lets an administrator create a user from a denied domain by default', async () => {
      const pool = cognitoPool([]);

      const result = await handlerOver(pool, { DENIED_EMAIL_DOMAINS: 'example.org' })(
        loadFixture('PreSignUp_AdminCreateUser'),
        lambdaContext(),
      );

      expect(result).toEqual(loadFixture('PreSignUp_AdminCreateUser'));
    });

    it('lets a first Google sign-in without a native account through, with the email Google verified marked verified', async () => {
      const pool = cognitoPool([nativeUser('someone-else', 'someone@example.com')]);

      const result = await handlerOver(pool)(loadFixture('PreSignUp_ExternalProvider'), lambdaContext());

      expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: false });
      expect(pool.mock.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
    });
  });

  describe('refusals', () => {
    it('passes the user-facing message of a refused domain to Cognito', async () => {
      const pool = cognitoPool([]);

      await expect(
        handlerOver(pool, { ALLOWED_EMAIL_DOMAINS: 'example.org' })(loadFixture('PreSignUp_SignUp'), lambdaContext()),
      ).rejects.toThrow('Sign-ups from example.com are not allowed. Use your work email address.');
    });

    it('refuses a malformed address with a message saying what to do and logs no full address', async () => {
      const event = loadFixture('PreSignUp_SignUp');
      event.request.userAttributes['email'] = 'jonas.lindqvist@example';

      await expect(handlerOver(cognitoPool([]))(event, lambdaContext())).rejects.toThrow(
        'Enter a valid email address, like name@example.com.',
      );
      expect(stdout.entries()).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'Trigger rejected the request' }),
      );
      expect(stdout.lines.join('\n')).not.toContain('jonas.lindqvist');
    });
  });

  describe('federated sign-up with a native account', () => {
    function poolWithNativeAccount(emailVerified = 'true'): CognitoPool {
      return cognitoPool([nativeUser(NATIVE_USERNAME, FEDERATED_EMAIL, { emailVerified })]);
    }

    it('links the identity to the native user and lets the sign-in go on', async () => {
      const pool = poolWithNativeAccount();

      const result = await handlerOver(pool)(loadFixture('PreSignUp_ExternalProvider'), lambdaContext());

      expect(result.triggerSource).toBe('PreSignUp_ExternalProvider');
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([GOOGLE_IDENTITY]);
      expect(stdout.lines.join('\n')).not.toContain(FEDERATED_EMAIL);
    });

    it('links once when Cognito runs the same event twice in a row', async () => {
      const pool = poolWithNativeAccount();
      const handler = handlerOver(pool);

      await handler(loadFixture('PreSignUp_ExternalProvider'), lambdaContext('attempt-1'));
      const retried = await handler(loadFixture('PreSignUp_ExternalProvider'), lambdaContext('attempt-2'));

      expect(retried.triggerSource).toBe('PreSignUp_ExternalProvider');
      expect(pool.mock.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(2);
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([GOOGLE_IDENTITY]);
      expect(
        stdout.entries().filter((entry) => entry['message'] === 'Linked the federated identity to the native user'),
      ).toEqual([
        expect.objectContaining({ outcome: 'linked', requestId: 'attempt-1' }),
        expect.objectContaining({ outcome: 'already-linked', requestId: 'attempt-2' }),
      ]);
    });

    it('links once when two invocations of the same event run at the same time', async () => {
      const pool = poolWithNativeAccount();
      const handler = handlerOver(pool);

      const results = await Promise.all([
        handler(loadFixture('PreSignUp_ExternalProvider'), lambdaContext('attempt-1')),
        handler(loadFixture('PreSignUp_ExternalProvider'), lambdaContext('attempt-2')),
      ]);

      expect(results.map((result) => result.triggerSource)).toEqual([
        'PreSignUp_ExternalProvider',
        'PreSignUp_ExternalProvider',
      ]);
      expect(pool.mock.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(2);
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([GOOGLE_IDENTITY]);
      const outcomes = stdout.entries().flatMap((entry) => (entry['outcome'] === undefined ? [] : [entry['outcome']]));
      expect(outcomes.sort()).toEqual(['already-linked', 'linked']);
    });

    it('does not link when the provider did not verify the email', async () => {
      const pool = poolWithNativeAccount();
      const event = loadFixture('PreSignUp_ExternalProvider');
      event.request.userAttributes['email_verified'] = 'false';

      const result = await handlerOver(pool)(event, lambdaContext());

      expect(result.response.autoVerifyEmail).toBe(false);
      expect(pool.mock.calls()).toHaveLength(0);
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([]);
    });

    it('does not link to a native user whose own email is unverified', async () => {
      const pool = poolWithNativeAccount('false');

      await handlerOver(pool)(loadFixture('PreSignUp_ExternalProvider'), lambdaContext());

      expect(pool.mock.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
    });

    const throttled = () => new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });

    it.each([
      ['ListUsers', (pool: CognitoPool) => pool.mock.on(ListUsersCommand).rejects(throttled())],
      [
        'AdminLinkProviderForUser',
        (pool: CognitoPool) => pool.mock.on(AdminLinkProviderForUserCommand).rejects(throttled()),
      ],
    ])('fails with the generic message, not the SDK message, when %s is throttled', async (operation, throttle) => {
      const pool = poolWithNativeAccount();
      throttle(pool);

      const error = await handlerOver(pool)(loadFixture('PreSignUp_ExternalProvider'), lambdaContext()).catch(
        (caught: unknown) => caught,
      );

      expect(error).toMatchObject({ message: GENERIC_FAILURE_MESSAGE });
      expect(stdout.entries()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: 'Trigger failed',
          error: expect.objectContaining({
            name: 'DependencyError',
            message: `${operation} failed.`,
            cause: expect.objectContaining({ name: 'TooManyRequestsException' }),
          }),
        }),
      );
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([]);
    });
  });
});
