/*
 * The deployed entry point as Lambda loads it: a code is judged without loading any AWS SDK module; a magic link
 * loads what it needs (its key and its single use) on first use.
 */
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { watchSdkLoads } from '@test/helpers/sdk-loads';
import { FIXTURE_SIGNING_KEY_NAME } from '@test/helpers/signing-key';

const ENV = {
  CUSTOM_AUTH_METHODS: 'email_code,magic_link',
  SIGN_IN_CHALLENGES_TABLE: 'cognito-flows-test-sign-in-challenges',
  MAGIC_LINK_KEY_NAME: FIXTURE_SIGNING_KEY_NAME,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
};

beforeEach(() => Object.assign(process.env, ENV));
afterEach(() => {
  for (const name of Object.keys(ENV)) delete process.env[name];
});

it('judges codes, right and wrong, and method choices without loading an AWS SDK module', async () => {
  const loaded = watchSdkLoads();
  const { handler } = await import('@functions/verify-auth-challenge-response/handler');

  for (const state of [undefined, 'email-code', 'wrong-answer', 'user-not-found']) {
    await handler(loadFixture('VerifyAuthChallengeResponse_Authentication', state), lambdaContext());
  }

  expect(loaded).toEqual([]);
});

it('loads Secrets Manager for a magic link, and fails it with the generic message when that is unreachable', async () => {
  const loaded = watchSdkLoads();
  const { handler } = await import('@functions/verify-auth-challenge-response/handler');

  await expect(
    handler(loadFixture('VerifyAuthChallengeResponse_Authentication', 'magic-link'), lambdaContext()),
  ).rejects.toThrow('We could not complete your request. Please try again later.');

  expect(loaded).toEqual(['@aws-sdk/client-secrets-manager']);
}, 10_000);
