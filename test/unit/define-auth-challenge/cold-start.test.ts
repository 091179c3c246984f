/*
 * The deployed entry point as Lambda loads it: deciding a round loads no AWS SDK module.
 */
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { watchSdkLoads } from '@test/helpers/sdk-loads';

afterEach(() => {
  delete process.env.CUSTOM_AUTH_METHODS;
});

it('decides every state of a sign-in without loading an AWS SDK module', async () => {
  const loaded = watchSdkLoads();
  process.env.CUSTOM_AUTH_METHODS = 'email_code,magic_link';
  const { handler } = await import('@functions/define-auth-challenge/handler');

  for (const state of [undefined, 'wrong-answer', 'last-wrong-answer', 'magic-link']) {
    await handler(loadFixture('DefineAuthChallenge_Authentication', state), lambdaContext());
  }

  expect(loaded).toEqual([]);
});
