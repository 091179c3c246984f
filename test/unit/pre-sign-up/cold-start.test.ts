/*
 * The deployed entry point as Lambda loads it. The SDK client class is replaced by a spy to see whether, and
 * when, the handler constructs a Cognito client.
 */

import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

const constructed = jest.fn();

async function loadEntryPoint(): Promise<(event: PreSignUpTriggerEvent) => Promise<PreSignUpTriggerEvent>> {
  jest.resetModules();
  jest.doMock('@aws-sdk/client-cognito-identity-provider', () => {
    const actual: object = jest.requireActual('@aws-sdk/client-cognito-identity-provider');
    class SpiedClient {
      constructor() {
        constructed();
      }
      send = jest.fn(async () => ({ Users: [] }));
    }
    return { ...actual, CognitoIdentityProviderClient: SpiedClient };
  });
  const { handler } = await import('@functions/pre-sign-up/handler');
  return (event) => handler(event, lambdaContext());
}

beforeEach(() => {
  constructed.mockClear();
});

describe('the preSignUp entry point', () => {
  it.each(['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser'] as const)(
    'never constructs the Cognito client for %s',
    async (source) => {
      const handler = await loadEntryPoint();

      await handler(loadFixture(source));

      expect(constructed).not.toHaveBeenCalled();
    },
  );

  it('constructs it once, on the first federated sign-up', async () => {
    const handler = await loadEntryPoint();

    await handler(loadFixture('PreSignUp_ExternalProvider'));
    await handler(loadFixture('PreSignUp_ExternalProvider'));

    expect(constructed).toHaveBeenCalledTimes(1);
  });
});
