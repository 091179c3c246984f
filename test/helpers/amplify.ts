import { Amplify } from 'aws-amplify';
import { type TestPool, useTestPool } from './local-pool';

/** The Amplify v6 configuration of an app that signs in to the test pool `run`. */
function amplifyConfigOf(run: TestPool) {
  return {
    Auth: {
      Cognito: {
        userPoolEndpoint: run.pool.endpoints.cognito,
        userPoolId: run.pool.userPoolId,
        userPoolClientId: run.pool.clientId,
      },
    },
  };
}

/** {@link useTestPool} with `params`, and Amplify v6 configured to sign in to the pool once it is up. */
export function useAmplifyTestPool(params: Readonly<Record<string, string>> = {}): TestPool {
  return useTestPool(params, (run) => Amplify.configure(amplifyConfigOf(run)));
}
