import { loadFixture, type TriggerSource } from '@test/helpers/fixtures';
import type { ColdRun } from './cold-run';

/** The floor bundles: what a function's path cannot avoid loading (entry files under `scripts/bench/floors/`). */
export const FLOORS = {
  bare: 'scripts/bench/floors/bare.ts',
  'pre-sign-up-federated': 'scripts/bench/floors/pre-sign-up-federated.ts',
  'user-migration': 'scripts/bench/floors/user-migration.ts',
  'post-confirmation': 'scripts/bench/floors/post-confirmation.ts',
} as const;

/** A floor bundle's name. */
export type FloorName = keyof typeof FLOORS;

/** One function on one path, started cold on a representative fixture. */
export interface ColdScenario {
  /** `<function>/<path>`, e.g. `preSignUp/federated`. */
  readonly id: string;
  /** The function's name in serverless.yml. */
  readonly functionName: string;
  /** What the path is, for the table. */
  readonly path: string;
  readonly fixture: TriggerSource;
  /** The floor the path is compared with. */
  readonly floor: FloorName;
  /** Whether the path must not load any AWS SDK module. */
  readonly sdkFree: boolean;
  /** Variables set on top of the function's packaged environment, to switch on what the path exercises. */
  readonly env: Readonly<Record<string, string>>;
  /** Whether each run signs in its own legacy user ({@link legacyUserName}), which the bench seeds. */
  readonly legacyUsers: boolean;
  /** The event of run `run`; runs that write state get their own user, so every run takes the first-time path. */
  event(run: number): unknown;
  /** Why `outcome` is not what the path produces, or `undefined` when it is. */
  check(outcome: ColdRun['outcome']): string | undefined;
}

/** Every preTokenGeneration step on, for the fixtures' user (in `admins` and `users`, with `custom:tenant_id`). */
export const TOKEN_CLAIMS_ENV = {
  GROUP_ROLES: 'admins:admin,users:member',
  GROUP_SCOPES: 'admins:orders/admin',
  TENANT_ATTRIBUTE: 'custom:tenant_id',
  HIDDEN_ID_CLAIMS: 'phone_number',
  CLIENT_CLAIMS: '{"*": {"plan": "standard"}}',
  MACHINE_CLIENT_ACCESS: '{"*": {"scopes": ["orders/read"], "claims": {"partner": "acme"}}}',
} as const;

/** The password every seeded legacy user has. */
export const LEGACY_PASSWORD = 'Legacy-Passw0rd!';

/** The user name of run `run`'s legacy user. */
export const legacyUserName = (run: number): string => `legacy.bench.${run}@example.com`;
/** A `sub` that is new in every run (the fixtures' subs are UUID-shaped; this keeps the shape). */
const runSub = (run: number): string => `0b5e1c2a-7d31-70f4-9e2b-${run.toString(16).padStart(12, '0')}`;

function responseOf(outcome: ColdRun['outcome']): Record<string, unknown> | string {
  if ('threw' in outcome) return `threw "${outcome.threw}"`;
  const response = (outcome.returned as { response?: unknown } | undefined)?.response;
  return typeof response === 'object' && response !== null
    ? (response as Record<string, unknown>)
    : 'returned no response';
}

/** A check that the handler returned and its response satisfies `expectation` (described by `what`). */
function returnedWith(
  what: string,
  expectation: (response: Record<string, unknown>) => boolean,
): ColdScenario['check'] {
  return (outcome) => {
    const response = responseOf(outcome);
    if (typeof response === 'string') return response;
    return expectation(response) ? undefined : `response lacks ${what}: ${JSON.stringify(response).slice(0, 200)}`;
  };
}

/** The paths the bench starts cold, one per function and path the targets name. */
export const COLD_SCENARIOS: readonly ColdScenario[] = [
  {
    id: 'customMessage/sign-up',
    functionName: 'customMessage',
    path: 'sign-up code email',
    fixture: 'CustomMessage_SignUp',
    floor: 'bare',
    sdkFree: true,
    env: {},
    legacyUsers: false,
    event: () => loadFixture('CustomMessage_SignUp'),
    check: returnedWith('an emailMessage', (response) => typeof response.emailMessage === 'string'),
  },
  {
    id: 'preSignUp/ordinary',
    functionName: 'preSignUp',
    path: 'ordinary sign-up',
    fixture: 'PreSignUp_SignUp',
    floor: 'bare',
    sdkFree: true,
    env: {},
    legacyUsers: false,
    event: () => loadFixture('PreSignUp_SignUp'),
    check: returnedWith('a response', () => true),
  },
  {
    id: 'preSignUp/federated',
    functionName: 'preSignUp',
    path: 'federated sign-up, linked to the native user',
    fixture: 'PreSignUp_ExternalProvider',
    floor: 'pre-sign-up-federated',
    sdkFree: false,
    env: {},
    legacyUsers: false,
    event: () => loadFixture('PreSignUp_ExternalProvider'),
    check: returnedWith('a response', () => true),
  },
  {
    id: 'userMigration/sign-in',
    functionName: 'userMigration',
    path: 'first sign-in of a legacy user (bcrypt, cost 10)',
    fixture: 'UserMigration_Authentication',
    floor: 'user-migration',
    sdkFree: false,
    env: {},
    legacyUsers: true,
    event: (run) => ({ ...loadFixture('UserMigration_Authentication'), userName: legacyUserName(run) }),
    check: returnedWith('finalUserStatus CONFIRMED', (response) => response.finalUserStatus === 'CONFIRMED'),
  },
  {
    id: 'postConfirmation/sign-up',
    functionName: 'postConfirmation',
    path: 'confirmed sign-up: profile, group, welcome email',
    fixture: 'PostConfirmation_ConfirmSignUp',
    floor: 'post-confirmation',
    sdkFree: false,
    env: { EMAIL_FROM: 'Example <no-reply@example.com>' },
    legacyUsers: false,
    event: (run) => {
      const event = loadFixture('PostConfirmation_ConfirmSignUp');
      const sub = runSub(run);
      event.userName = sub;
      event.request.userAttributes = { ...event.request.userAttributes, sub, email: `new.user.${run}@example.com` };
      return event;
    },
    check: returnedWith('a response', () => true),
  },
  {
    id: 'preTokenGeneration/sign-in',
    functionName: 'preTokenGeneration',
    path: 'sign-in tokens: roles, group scopes, tenant, client claims',
    fixture: 'TokenGeneration_Authentication',
    floor: 'bare',
    sdkFree: true,
    env: TOKEN_CLAIMS_ENV,
    legacyUsers: false,
    event: () => loadFixture('TokenGeneration_Authentication'),
    check: returnedWith('access token claims', (response) => {
      const details = response.claimsAndScopeOverrideDetails as { accessTokenGeneration?: unknown } | null;
      return typeof details?.accessTokenGeneration === 'object';
    }),
  },
];

/** The native user the Cognito stub finds for any email, so a federated sign-up takes the linking path. */
function nativeUserWithEmail(filter: unknown): Record<string, unknown> {
  const email = /^email = "(.*)"$/.exec(String(filter))?.[1]?.replace(/\\(.)/g, '$1') ?? 'native.user@example.com';
  return {
    Username: '7c3e9a4b-2f61-70d8-a5e4-1b9c8d7f6e05',
    UserStatus: 'CONFIRMED',
    Enabled: true,
    UserCreateDate: 1_700_000_000,
    Attributes: [
      { Name: 'sub', Value: '7c3e9a4b-2f61-70d8-a5e4-1b9c8d7f6e05' },
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  };
}

/** How the Cognito stub answers the admin API calls the scenarios make. */
export const COGNITO_ANSWERS = {
  ListUsers: (input: Record<string, unknown>) => ({ Users: [nativeUserWithEmail(input.Filter)] }),
  AdminLinkProviderForUser: () => ({}),
  AdminAddUserToGroup: () => ({}),
};
