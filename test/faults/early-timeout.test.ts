/*
 * A dependency that hangs past the invocation's time: when middy's early timeout fires, Cognito gets the generic
 * failure and the call still in flight is aborted through the invocation's signal, on its first attempt, instead of
 * running on to its own request timeout and being retried by the SDK after Cognito got its answer. Real SDK clients,
 * configured as the deployed ones, against an endpoint that accepts connections and never answers.
 */
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import { createDynamoDbSignInStore } from '@functions/create-auth-challenge/sign-in-store';
import { createPostAuthenticationHandler } from '@functions/post-authentication/handler';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import { createCognitoNativeUsers } from '@functions/pre-sign-up/native-users';
import { createDynamoDbLegacyUserStore } from '@functions/user-migration/dynamodb-legacy-user-store';
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import type { TriggerEvent } from '@shared/trigger';
import { budgetedClients } from '@test/helpers/budgeted-clients';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogs } from '@test/helpers/log-capture';
import { type SilentEndpoint, startSilentEndpoint } from '@test/helpers/silent-endpoint';
import {
  testConfig as createAuthChallengeConfig,
  fakeDependencies as createAuthChallengeDependencies,
} from '@test/unit/create-auth-challenge/support';
import { firstSignIn, testConfig as postAuthenticationConfig } from '@test/unit/post-authentication/support';
import { fakeDependencies, testConfig as postConfirmationConfig } from '@test/unit/post-confirmation/support';
import { testConfig as preSignUpConfig } from '@test/unit/pre-sign-up/support';
import { testConfig as userMigrationConfig } from '@test/unit/user-migration/support';
import {
  testConfig as verifyAuthChallengeResponseConfig,
  fakeDependencies as verifyAuthChallengeResponseDependencies,
} from '@test/unit/verify-auth-challenge-response/support';
import type { Context } from 'aws-lambda';

/** Time the invocation has: middy's early timeout fires 100 ms before, well within the SDK's 1 s request timeout. */
const REMAINING_MS = 500;

/** An SDK client whose every call is kept, so a test can wait for how it ended. */
function recorded<C extends { send: (...args: never[]) => Promise<unknown> }>(
  client: C,
): { client: C; calls: Promise<unknown>[] } {
  const calls: Promise<unknown>[] = [];
  const send = client.send.bind(client);
  Object.assign(client, {
    send: (...args: never[]) => {
      const call = send(...args);
      calls.push(call.catch((error: unknown) => error));
      return call;
    },
  });
  return { client, calls };
}

let silent: SilentEndpoint;
let stdout: ReturnType<typeof captureStdoutLogs>;

beforeAll(async () => {
  silent = await startSilentEndpoint();
});

afterAll(() => silent?.stop());

beforeEach(() => {
  stdout = captureStdoutLogs();
});

afterEach(() => stdout.restore());

type Invoke = (event: TriggerEvent, context: Context) => Promise<unknown>;

const CASES: {
  trigger: string;
  call: string;
  event: () => TriggerEvent;
  start: () => { invoke: Invoke; calls: Promise<unknown>[] };
}[] = [
  {
    trigger: 'PreSignUp',
    call: 'ListUsers',
    event: () => loadFixture('PreSignUp_ExternalProvider'),
    start: () => {
      const { client, calls } = recorded(budgetedClients.cognito(silent.endpoint));
      const handler = createPreSignUpHandler(preSignUpConfig(), {
        nativeUsers: createCognitoNativeUsers(async () => client),
      });
      return { invoke: handler as Invoke, calls };
    },
  },
  {
    trigger: 'UserMigration',
    call: 'GetItem',
    event: () => loadFixture('UserMigration_Authentication'),
    start: () => {
      const { client, calls } = recorded(budgetedClients.dynamoDb(silent.endpoint));
      const legacyUsers = createDynamoDbLegacyUserStore(async () => client, 'legacy-users');
      const handler = createUserMigrationHandler(userMigrationConfig(), { legacyUsers, now: () => new Date() });
      return { invoke: handler as Invoke, calls };
    },
  },
  {
    trigger: 'PostConfirmation',
    call: 'PutItem',
    event: () => loadFixture('PostConfirmation_ConfirmSignUp'),
    start: () => {
      const { client, calls } = recorded(budgetedClients.dynamoDb(silent.endpoint));
      const profiles = createDynamoDbProfileStore(async () => client, 'user-profiles');
      const handler = createPostConfirmationHandler(postConfirmationConfig(), { ...fakeDependencies(), profiles });
      return { invoke: handler as Invoke, calls };
    },
  },
  {
    trigger: 'PostAuthentication',
    call: 'PutItem',
    event: firstSignIn,
    start: () => {
      const { client, calls } = recorded(budgetedClients.dynamoDb(silent.endpoint));
      const profiles = createDynamoDbProfileStore(async () => client, 'user-profiles');
      const handler = createPostAuthenticationHandler(postAuthenticationConfig(), { ...fakeDependencies(), profiles });
      return { invoke: handler as Invoke, calls };
    },
  },
  {
    trigger: 'CreateAuthChallenge',
    call: 'GetItem',
    event: () => loadFixture('CreateAuthChallenge_Authentication', 'email-code'),
    start: () => {
      const { client, calls } = recorded(budgetedClients.dynamoDb(silent.endpoint));
      const signIns = createDynamoDbSignInStore(async () => client, 'sign-in-challenges');
      const handler = createCreateAuthChallengeHandler(createAuthChallengeConfig(), {
        ...createAuthChallengeDependencies(),
        signIns,
      });
      return { invoke: handler as Invoke, calls };
    },
  },
  {
    trigger: 'VerifyAuthChallengeResponse',
    call: 'GetSecretValue',
    event: () => loadFixture('VerifyAuthChallengeResponse_Authentication', 'magic-link'),
    start: () => {
      const { client, calls } = recorded(budgetedClients.secretsManager(silent.endpoint));
      const signingKey = createSecretsManagerSigningKey(async () => client, 'magic-link-key');
      const handler = createVerifyAuthChallengeResponseHandler(verifyAuthChallengeResponseConfig(), {
        ...verifyAuthChallengeResponseDependencies(),
        signingKey,
      });
      return { invoke: handler as Invoke, calls };
    },
  },
];

describe.each(CASES)('$trigger when $call hangs past the invocation’s time', ({ event, start }) => {
  it('answers with the generic failure and aborts the call on its first attempt, with no retry', async () => {
    const { invoke, calls } = start();
    const connectionsBefore = silent.connections();

    await expect(invoke(event(), { ...lambdaContext(), getRemainingTimeInMillis: () => REMAINING_MS })).rejects.toThrow(
      GENERIC_FAILURE_MESSAGE,
    );
    const outcomes = await Promise.all(calls);

    expect(outcomes).toEqual([expect.objectContaining({ name: 'AbortError' })]);
    expect(silent.connections() - connectionsBefore).toBe(1);
  });
});
