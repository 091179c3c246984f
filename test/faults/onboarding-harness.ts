/*
 * The emulators and switchable clients the fault tests of the onboarding (postConfirmation, postAuthentication,
 * emailOutbox) share: a restartable dynalite, aws-ses-v2-local, a hanging and an unreachable endpoint, and a
 * mocked Cognito admin API (no emulator can make it throttle) that keeps the memberships and marks it was given,
 * and counts the calls that gave them.
 */
import {
  AdminAddUserToGroupCommand,
  type AdminAddUserToGroupCommandInput,
  AdminUpdateUserAttributesCommand,
  type AdminUpdateUserAttributesCommandInput,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '@shared/mailer';
import { createCognitoGroupMembership } from '@shared/onboarding/group-membership';
import { createCognitoOnboardedMarker } from '@shared/onboarding/onboarded-marker';
import type { OnboardingDependencies } from '@shared/onboarding/onboarding';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import { budgetedClients, switchableClient } from '@test/helpers/budgeted-clients';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type RestartableDynamoDb, startRestartableDynalite } from '@test/helpers/restartable-dynalite';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';
import { mockClient } from 'aws-sdk-client-mock';
import { type FaultyEndpoints, failingClient, SERVICE_ERRORS, startFaultyEndpoints } from './fault-injection';

/** Every dependency of the onboarding, healthy or put into a fault, and what they hold. */
export interface OnboardingHarness {
  readonly dynamo: RestartableDynamoDb;
  readonly ses: LocalSes;
  /** This test's profiles table (a new one per test). */
  readonly table: string;
  /**
   * Group memberships the mocked Cognito admin API holds, as `user/group`. Adding a member again changes nothing,
   * on AWS as here, so this holds one membership however many adds were made: see {@link calls}.
   */
  readonly memberships: Set<string>;
  /** Users the mocked Cognito admin API marked onboarded. */
  readonly marked: Set<string>;
  /** Every call the mocked Cognito admin API answered, in order: `AdminAddUserToGroup` as `user/group`, marks by user. */
  readonly calls: { readonly groupAdds: string[]; readonly marks: string[] };
  /** Log lines written to stdout during the test. */
  stdoutText(): string;
  /** The dependencies of one invocation; dynalite stops before its `stopBeforeCall`-th DynamoDB call, when set. */
  dependencies(now: Date): OnboardingDependencies;
  /** The profile item of `sub`, read from dynalite. */
  profile(sub: string): Promise<Record<string, unknown> | undefined>;
  /** Puts one dependency into a fault for the next invocations. */
  readonly faults: {
    dynamoDb(fault: 'hangs' | 'unreachable' | 'throttled'): void;
    ses(fault: 'hangs' | 'unreachable' | 'throttled'): void;
    cognito(fault: 'hangs' | 'throttled' | 'fails'): void;
    /** Dynalite stops before the `call`-th DynamoDB call of the next invocation. */
    dynamoDbStopsBefore(call: number): void;
  };
  /** Each fault of each dependency as a scenario of a fault test arranges it (`faults: harness.arrange.ses`). */
  readonly arrange: {
    dynamoDb: Record<'hangs' | 'unreachable' | 'throttled', () => void>;
    ses: Record<'hangs' | 'unreachable' | 'throttled', () => void>;
    cognito: Record<'hangs' | 'throttled' | 'fails', () => void>;
  };
  /** Every dependency healthy again (dynalite restarted if it was stopped). */
  recover(): Promise<void>;
}

/** `fault` of each of `faults`, arranged through `arrange`. */
function arrangements<F extends string>(faults: readonly F[], arrange: (fault: F) => void): Record<F, () => void> {
  return Object.fromEntries(faults.map((fault) => [fault, () => arrange(fault)])) as Record<F, () => void>;
}

/**
 * Registers the hooks that start the emulators for a test file, give each test a fresh table, mail store and
 * Cognito state, and stop everything afterwards; returns the harness the tests use.
 */
export function onboardingHarness(): OnboardingHarness {
  let dynamo: RestartableDynamoDb;
  let ses: LocalSes;
  let endpoints: FaultyEndpoints;
  let healthy: { dynamoDb: DynamoDBClient; ses: SESClient; cognito: CognitoIdentityProviderClient };
  let table = '';
  let tables = 0;
  const stdout = captureStdoutLogsOfEachTest();
  let stopBeforeCall: number | undefined;
  let dynamoCalls = 0;
  const memberships = new Set<string>();
  const marked = new Set<string>();
  const calls = { groupAdds: [] as string[], marks: [] as string[] };
  const profilesClient = switchableClient<DynamoDBClient>(undefined as never);
  const sesClient = switchableClient<SESClient>(undefined as never);
  const cognitoClient = switchableClient<CognitoIdentityProviderClient>(undefined as never);

  const useHealthy = () => {
    profilesClient.use(healthy.dynamoDb);
    sesClient.use(healthy.ses);
    cognitoClient.use(healthy.cognito);
    stopBeforeCall = undefined;
  };

  beforeAll(async () => {
    [dynamo, ses, endpoints] = await Promise.all([startRestartableDynalite(), startSesLocal(), startFaultyEndpoints()]);
    const cognito = new CognitoIdentityProviderClient({});
    mockClient(cognito)
      .on(AdminAddUserToGroupCommand)
      .callsFake((input: AdminAddUserToGroupCommandInput) => {
        calls.groupAdds.push(`${input.Username}/${input.GroupName}`);
        memberships.add(`${input.Username}/${input.GroupName}`);
        return {};
      })
      .on(AdminUpdateUserAttributesCommand)
      .callsFake((input: AdminUpdateUserAttributesCommandInput) => {
        calls.marks.push(String(input.Username));
        marked.add(String(input.Username));
        return {};
      });
    healthy = { dynamoDb: budgetedClients.dynamoDb(dynamo.endpoint), ses: budgetedClients.ses(ses.endpoint), cognito };
  });

  afterAll(async () => {
    for (const client of Object.values(healthy ?? {})) client.destroy();
    await Promise.all([dynamo?.close(), ses?.stop(), endpoints?.stop()]);
  });

  beforeEach(async () => {
    tables += 1;
    table = `fault-profiles-${tables}`;
    await Promise.all([dynamo.createTable('UserProfilesTable', table), ses.clear()]);
    memberships.clear();
    marked.clear();
    calls.groupAdds.length = 0;
    calls.marks.length = 0;
    useHealthy();
  });

  const faults: OnboardingHarness['faults'] = {
    dynamoDb: (fault) =>
      profilesClient.use(
        fault === 'throttled'
          ? failingClient(new DynamoDBClient({}), SERVICE_ERRORS.dynamoDbThrottled)
          : budgetedClients.dynamoDb(endpoints.endpointFor(fault)),
      ),
    ses: (fault) =>
      sesClient.use(
        fault === 'throttled'
          ? failingClient(new SESClient({}), SERVICE_ERRORS.sesThrottled)
          : budgetedClients.ses(endpoints.endpointFor(fault)),
      ),
    cognito: (fault) =>
      cognitoClient.use(
        fault === 'hangs'
          ? budgetedClients.cognito(endpoints.endpointFor('hangs'))
          : failingClient(
              new CognitoIdentityProviderClient({}),
              fault === 'throttled' ? SERVICE_ERRORS.cognitoThrottled : SERVICE_ERRORS.cognitoFails,
            ),
      ),
    dynamoDbStopsBefore: (call) => {
      stopBeforeCall = call;
    },
  };

  return {
    get dynamo() {
      return dynamo;
    },
    get ses() {
      return ses;
    },
    get table() {
      return table;
    },
    memberships,
    marked,
    calls,
    stdoutText: () => stdout.lines.join('\n'),
    dependencies: (now) => {
      dynamoCalls = 0;
      return {
        profiles: createDynamoDbProfileStore(async () => {
          dynamoCalls += 1;
          if (dynamoCalls === stopBeforeCall) await dynamo.stop();
          return profilesClient.get();
        }, table),
        groups: createCognitoGroupMembership(cognitoClient.get),
        marker: createCognitoOnboardedMarker(cognitoClient.get),
        mailer: createSesMailer(sesClient.get),
        now: () => now,
      };
    },
    profile: async (sub) => {
      const { Item } = await dynamo.admin.send(
        new GetItemCommand({ TableName: table, Key: { sub: { S: sub } }, ConsistentRead: true }),
      );
      return Item;
    },
    faults,
    arrange: {
      dynamoDb: arrangements(['hangs', 'unreachable', 'throttled'], faults.dynamoDb),
      ses: arrangements(['hangs', 'unreachable', 'throttled'], faults.ses),
      cognito: arrangements(['hangs', 'throttled', 'fails'], faults.cognito),
    },
    recover: async () => {
      if (stopBeforeCall !== undefined) await dynamo.start().catch(() => undefined);
      useHealthy();
    },
  };
}

/**
 * Expects `user` to be in `group` and marked onboarded, and the Cognito admin API to have been called for it at
 * most once per delivery: retries cannot show as a second membership (adding a member again is a no-op on AWS),
 * so their safety is that they do not multiply the calls.
 */
export function expectOnboardedInCognito(
  harness: OnboardingHarness,
  { user, group, deliveries }: { user: string; group: string; deliveries: number },
): void {
  expect([...harness.memberships]).toEqual([`${user}/${group}`]);
  expect([...harness.marked]).toEqual([user]);
  const { groupAdds, marks } = harness.calls;
  expect(new Set([...groupAdds, ...marks])).toEqual(new Set([`${user}/${group}`, user]));
  expect(groupAdds.length).toBeLessThanOrEqual(deliveries);
  expect(marks.length).toBeLessThanOrEqual(deliveries);
}
