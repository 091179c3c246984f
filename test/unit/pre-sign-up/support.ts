/**
 * Test support for the PreSignUp flow: configuration from an explicit environment, step contexts with a
 * capturing logger, and an in-memory user pool behind a mocked Cognito client.
 *
 * cognito-local implements neither AdminLinkProviderForUser nor the PreSignUp_ExternalProvider trigger, so the
 * Cognito admin API is mocked with aws-sdk-client-mock; the fake keeps the pool's state so that retried and
 * concurrent link calls meet the answers Cognito gives (see `cognitoPool`).
 */
import {
  AdminLinkProviderForUserCommand,
  type AdminLinkProviderForUserCommandInput,
  CognitoIdentityProviderClient,
  InvalidParameterException,
  ListUsersCommand,
  type ListUsersCommandInput,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadPreSignUpConfig, type PreSignUpConfig } from '@functions/pre-sign-up/config';
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import { createCognitoNativeUsers, type NativeUsers } from '@functions/pre-sign-up/native-users';
import type { PreSignUpContext } from '@functions/pre-sign-up/trigger';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import { runSteps, type Step } from '@shared/steps';
import type { RecordedMetrics } from '@test/helpers/invocation';
import type { LogCapture } from '@test/helpers/log-capture';
import { testStepContext } from '@test/helpers/step-context';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';

/** The environment the preSignUp tests start from (nothing from `process.env`): logging everything. */
export const TEST_ENV: Env = { LOG_LEVEL: 'debug' };

/** The configuration of {@link TEST_ENV} with `overrides` applied. */
export function testConfig(overrides: Env = {}): PreSignUpConfig {
  return loadPreSignUpConfig({ ...TEST_ENV, ...overrides });
}

/** A NativeUsers whose every call fails the test: for steps that must not reach Cognito. */
export function unreachableNativeUsers(): NativeUsers {
  const fail = (): never => {
    throw new Error('Cognito must not be called here');
  };
  return { withEmail: jest.fn(fail), link: jest.fn(fail) };
}

/** A step context over `event`, with a logger whose lines (info and above) the returned capture keeps. */
export function stepContext(
  event: PreSignUpTriggerEvent,
  config: PreSignUpConfig = testConfig(),
  nativeUsers: NativeUsers = unreachableNativeUsers(),
): { context: PreSignUpContext; logs: LogCapture; metrics: RecordedMetrics } {
  return testStepContext(event, config, { nativeUsers }, 'info');
}

/**
 * Runs one step over `event` as the flow would (its `sources` and `enabled` are honoured) and returns the event,
 * the step's log lines and what it counted.
 */
export async function runStep(
  step: Step<PreSignUpContext>,
  event: PreSignUpTriggerEvent,
  config?: PreSignUpConfig,
  nativeUsers?: NativeUsers,
): Promise<{ event: PreSignUpTriggerEvent; logs: LogCapture; metrics: RecordedMetrics }> {
  const { context, logs, metrics } = stepContext(event, config, nativeUsers);
  await runSteps([step], context);
  return { event, logs, metrics };
}

/** The pool of the fixtures. */
export const POOL_ID = 'us-east-1_Xq7fLw2Zb';

/** A native user of the pool as ListUsers returns it. */
export function nativeUser(
  username: string,
  email: string,
  overrides: Partial<UserType> & { emailVerified?: string } = {},
): UserType {
  const { emailVerified = 'true', ...rest } = overrides;
  return {
    Username: username,
    UserStatus: 'CONFIRMED',
    Enabled: true,
    UserCreateDate: new Date('2026-01-05T10:00:00Z'),
    Attributes: [
      { Name: 'sub', Value: username },
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: emailVerified },
    ],
    ...rest,
  };
}

/** Reads `attribute = "value"` back from a ListUsers filter, undoing the escaping. */
function parseFilter(filter: string): { attribute: string; value: string } {
  const match = /^(\w+) = "((?:[^"\\]|\\.)*)"$/.exec(filter);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`Unexpected ListUsers filter: ${filter}`);
  }
  return { attribute: match[1], value: match[2].replace(/\\(.)/g, '$1') };
}

function attribute(user: UserType, name: string): string | undefined {
  return user.Attributes?.find((item) => item.Name === name)?.Value;
}

/** An in-memory user pool answering ListUsers and AdminLinkProviderForUser as Cognito does. */
export interface CognitoPool {
  readonly client: CognitoIdentityProviderClient;
  readonly mock: AwsClientStub<CognitoIdentityProviderClient>;
  readonly nativeUsers: NativeUsers;
  readonly users: UserType[];
  /** The `identities` of `username`, parsed. */
  identitiesOf(username: string): unknown[];
}

/**
 * A mocked Cognito client over `users`. ListUsers filters on `email` or `username`; AdminLinkProviderForUser
 * appends to the destination's `identities` attribute, answers a missing destination with
 * UserNotFoundException and a source identity that is already linked with InvalidParameterException (the
 * message Cognito has used for it).
 */
export function cognitoPool(users: UserType[]): CognitoPool {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  const identitiesOf = (username: string): unknown[] => {
    const user = users.find((candidate) => candidate.Username === username);
    return JSON.parse((user && attribute(user, 'identities')) ?? '[]') as unknown[];
  };

  mock.on(ListUsersCommand).callsFake((input: ListUsersCommandInput) => {
    const { attribute: name, value } = parseFilter(input.Filter ?? '');
    const matches = users.filter((user) => (name === 'username' ? user.Username : attribute(user, name)) === value);
    return { Users: structuredClone(matches) };
  });

  mock.on(AdminLinkProviderForUserCommand).callsFake((input: AdminLinkProviderForUserCommandInput) => {
    const destination = users.find((user) => user.Username === input.DestinationUser?.ProviderAttributeValue);
    if (destination === undefined) {
      throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
    }
    const source = { providerName: input.SourceUser?.ProviderName, userId: input.SourceUser?.ProviderAttributeValue };
    const alreadyLinked = users.some((user) =>
      (JSON.parse(attribute(user, 'identities') ?? '[]') as { providerName?: string; userId?: string }[]).some(
        (identity) => identity.providerName === source.providerName && identity.userId === source.userId,
      ),
    );
    if (alreadyLinked) {
      throw new InvalidParameterException({
        message:
          'Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser',
        $metadata: {},
      });
    }
    const identities = [
      ...identitiesOf(destination.Username ?? ''),
      { ...source, providerType: source.providerName, primary: false },
    ];
    destination.Attributes = [
      ...(destination.Attributes ?? []).filter((item) => item.Name !== 'identities'),
      { Name: 'identities', Value: JSON.stringify(identities) },
    ];
    return {};
  });

  return { client, mock, nativeUsers: createCognitoNativeUsers(async () => client), users, identitiesOf };
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * every rule switched on (denied, disposable and trusted domains, the policy for administrators' users),
 * over in-memory dependencies.
 */
export function testHandler(env: Env = {}): TriggerHandler<PreSignUpTriggerEvent> {
  const linkTarget = nativeUser('0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10', 'tariq.benali@example.com');
  return createPreSignUpHandler(
    testConfig({
      ...env,
      DENIED_EMAIL_DOMAINS: 'example.net',
      BLOCK_DISPOSABLE_EMAIL: 'true',
      AUTO_CONFIRM_EMAIL_DOMAINS: 'example.com',
      POLICY_FOR_ADMIN_CREATED_USERS: 'true',
    }),
    // The native user of the PreSignUp_ExternalProvider fixture's email, so that federated events reach the link.
    { nativeUsers: cognitoPool([linkTarget]).nativeUsers },
  );
}
