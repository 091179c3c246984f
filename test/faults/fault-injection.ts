import { InternalErrorException, TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { SESServiceException } from '@aws-sdk/client-ses';
import { GENERIC_FAILURE_MESSAGE } from '@shared/errors';
import type { TriggerEvent } from '@shared/trigger';
import { COGNITO_DEADLINE_MS, type Settled, settle } from '@test/helpers/deadline';
import { type SilentEndpoint, startSilentEndpoint, unreachableEndpoint } from '@test/helpers/silent-endpoint';
import { mockClient } from 'aws-sdk-client-mock';
import type { Fault, Outcome } from './failure-policy';

/** The errors the services answer with when they throttle or fail internally, as their SDKs model them. */
export const SERVICE_ERRORS = {
  dynamoDbThrottled: () =>
    new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity.', $metadata: {} }),
  sesThrottled: () =>
    new SESServiceException({
      name: 'Throttling',
      $fault: 'client',
      message: 'Maximum sending rate exceeded.',
      $metadata: {},
    }),
  cognitoThrottled: () => new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }),
  secretsManagerThrottled: () =>
    new SecretsManagerServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      message: 'Rate exceeded',
      $metadata: {},
    }),
  cognitoFails: () => new InternalErrorException({ message: 'Internal error', $metadata: {} }),
} as const;

/** `client`, made to answer every call with a fresh `error()`, as a throttling or failing service does. */
export function failingClient<C extends object>(client: C, error: () => Error): C {
  mockClient(client as Parameters<typeof mockClient>[0])
    .onAnyCommand()
    .callsFake(() => Promise.reject(error()));
  return client;
}

/** Endpoints that misbehave at the network level: one that hangs and one that is down. Stop them after the tests. */
export interface FaultyEndpoints {
  endpointFor(fault: 'hangs' | 'unreachable'): string;
  stop(): Promise<void>;
}

/** Starts a silent endpoint and reserves an unreachable one. */
export async function startFaultyEndpoints(): Promise<FaultyEndpoints> {
  const [silent, down]: [SilentEndpoint, string] = await Promise.all([startSilentEndpoint(), unreachableEndpoint()]);
  return { endpointFor: (fault) => (fault === 'hangs' ? silent.endpoint : down), stop: () => silent.stop() };
}

/**
 * Runs `invoke` and checks that the trigger answered before Cognito's deadline with `outcome`; a rejection must
 * come from the failed dependency (a `DependencyError`), not from the handler's own time limit.
 */
export async function expectOutcome<E extends TriggerEvent>(
  outcome: Outcome,
  invoke: () => Promise<E>,
): Promise<Settled<E>> {
  const settled = await settle(invoke);
  expect(settled.elapsedMs).toBeLessThan(COGNITO_DEADLINE_MS);
  switch (outcome) {
    case 'rejects':
      // The cause shows the flow failed on the dependency's error, not on the handler's own time limit.
      expect(settled).toMatchObject({
        status: 'rejected',
        reason: { message: GENERIC_FAILURE_MESSAGE, cause: { name: 'DependencyError' } },
      });
      break;
    case 'continues':
      expect(settled.status).toBe('fulfilled');
      break;
    case 'next-run':
      expect(settled).toMatchObject({ status: 'rejected', reason: { name: 'DependencyError' } });
      break;
    case 'default-message':
      expect(settled).toMatchObject({
        status: 'fulfilled',
        value: { response: { emailMessage: null, emailSubject: null, smsMessage: null } },
      });
      break;
    default: {
      const unexpected: never = outcome;
      throw new Error(`Unknown outcome ${String(unexpected)}`);
    }
  }
  return settled;
}

/**
 * Delivers `event` again as Cognito may: three times one after the other, then three times at once. Every delivery
 * must succeed.
 */
export async function redeliver<E extends TriggerEvent>(invoke: (event: E) => Promise<E>, event: E): Promise<E[]> {
  const sequential: E[] = [];
  for (let delivery = 0; delivery < 3; delivery += 1) sequential.push(await invoke(structuredClone(event)));
  const concurrent = await Promise.all([1, 2, 3].map(() => invoke(structuredClone(event))));
  return [...sequential, ...concurrent];
}

/** Puts a dependency into `fault` with the arrangement `faults` gives for it; a fault without one fails the test. */
export function arrangeFault(faults: Partial<Record<Fault, () => void>>, fault: Fault): void {
  const arrange = faults[fault];
  if (arrange === undefined) throw new Error(`No arrangement for the fault "${fault}".`);
  arrange();
}

/**
 * The three faults of a client a test can swap (`client.use`): a client of `at` the hanging or the unreachable
 * endpoint of `endpoints()` (read when the fault is arranged, once the tests started them), or the client `throttled`
 * gives (usually a {@link failingClient}).
 */
export function clientFaults<C>(
  endpoints: () => FaultyEndpoints,
  client: { use(next: C): void },
  at: (endpoint: string) => C,
  throttled: () => C,
): Record<'hangs' | 'unreachable' | 'throttled', () => void> {
  return {
    hangs: () => client.use(at(endpoints().endpointFor('hangs'))),
    unreachable: () => client.use(at(endpoints().endpointFor('unreachable'))),
    throttled: () => client.use(throttled()),
  };
}
