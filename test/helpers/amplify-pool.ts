import { Amplify } from 'aws-amplify';
import { startTestPool, type TestPool } from './local-pool';

/**
 * Starts the test pool ({@link startTestPool}) and points aws-amplify v6 at it, as an app configures Amplify for a
 * Cognito pool with a custom endpoint. Amplify holds one signed-in user: sign out before signing in as another.
 */
export async function startAmplifyPool(): Promise<TestPool> {
  const run = await startTestPool();
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolEndpoint: run.pool.endpoints.cognito,
        userPoolId: run.pool.userPoolId,
        userPoolClientId: run.pool.clientId,
      },
    },
  });
  return run;
}
