import { loadCustomMessageConfig } from '@functions/custom-message/config';
import type * as CustomMessageBundle from '@functions/custom-message/handler';
import { CUSTOM_MESSAGE } from '@functions/custom-message/trigger';
import { loadPostConfirmationConfig } from '@functions/post-confirmation/config';
import type * as PostConfirmationBundle from '@functions/post-confirmation/handler';
import { POST_CONFIRMATION, type PostConfirmationDependencies } from '@functions/post-confirmation/trigger';
import { loadPreSignUpConfig } from '@functions/pre-sign-up/config';
import type * as PreSignUpBundle from '@functions/pre-sign-up/handler';
import { PRE_SIGN_UP, type PreSignUpDependencies } from '@functions/pre-sign-up/trigger';
import { loadPreTokenGenerationConfig } from '@functions/pre-token-generation/config';
import type * as PreTokenGenerationBundle from '@functions/pre-token-generation/handler';
import { PRE_TOKEN_GENERATION } from '@functions/pre-token-generation/trigger';
import { loadUserMigrationConfig } from '@functions/user-migration/config';
import type * as UserMigrationBundle from '@functions/user-migration/handler';
import { USER_MIGRATION, type UserMigrationDependencies } from '@functions/user-migration/trigger';
import type { CommonConfig, Env } from '@shared/config';
import { createFlowHandler } from '@shared/handler';
import type { TriggerDefinition, TriggerEvent } from '@shared/trigger';
import { FIXTURES_BY_TRIGGER, type FixtureTrigger, type TriggerSource } from '@test/helpers/fixtures';
import { hashSync } from 'bcryptjs';
import { LEGACY_PASSWORD, TOKEN_CLAIMS_ENV } from './cold-scenarios';

/** A handler as the warm child calls it. */
export type WarmHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** How to build one bundle's handler with in-memory dependencies, and the fixtures to time it on. */
export interface WarmScenario {
  readonly fixtures: readonly TriggerSource[];
  /** The handler, from the loaded bundle's exports (configuration from the process environment). */
  handler(bundle: unknown): WarmHandler;
  /** The trigger's handler with an empty step list: only the plumbing every invocation goes through. */
  plumbing?(): WarmHandler;
}

/**
 * A legacy user whose hash has bcrypt's lowest accepted cost (4), so that warm timings show the flow rather than
 * the hash; verification at the default cost is measured on its own.
 */
const cheapLegacyUser = {
  username: 'legacy.user@example.com',
  passwordHash: hashSync(LEGACY_PASSWORD, 4),
  attributes: { email: 'legacy.user@example.com', name: 'Legacy User' },
  status: 'active',
} as const;

/** The native user every look-up finds, so a federated sign-up takes the linking path. */
const nativeUser = {
  username: '7c3e9a4b-2f61-70d8-a5e4-1b9c8d7f6e05',
  status: 'CONFIRMED',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  attributes: {
    sub: '7c3e9a4b-2f61-70d8-a5e4-1b9c8d7f6e05',
    email: 'tariq.benali@example.com',
    email_verified: 'true',
  },
};

const inMemory = {
  preSignUp: (): PreSignUpDependencies => ({
    nativeUsers: { withEmail: async () => [nativeUser], link: async () => 'linked' },
  }),
  userMigration: (): UserMigrationDependencies => ({
    legacyUsers: { find: async () => cheapLegacyUser, markMigrated: async () => 'marked' },
    now: () => new Date(),
  }),
  postConfirmation: (): PostConfirmationDependencies => ({
    profiles: {
      create: async () => 'created',
      recordPasswordChange: async () => 'recorded',
      claimEmail: async () => true,
      completeEmail: async () => true,
      releaseEmail: async () => true,
    },
    groups: { add: async () => undefined },
    mailer: { send: async () => undefined },
    now: () => new Date(),
  }),
};

/**
 * The warm scenario of a function: its trigger's fixtures; its handler from the bundle's `create`, with the
 * configuration `loadConfig` reads from the process environment; and its plumbing alone, the trigger's handler
 * with no steps.
 */
function functionScenario<E extends TriggerEvent, C extends CommonConfig, B>(
  trigger: FixtureTrigger,
  definition: TriggerDefinition<E>,
  loadConfig: (env: Env) => C,
  create: (bundle: B, config: C) => unknown,
): WarmScenario {
  return {
    fixtures: FIXTURES_BY_TRIGGER[trigger],
    handler: (bundle) => create(bundle as B, loadConfig(process.env)) as WarmHandler,
    plumbing: () => createFlowHandler(definition, [], loadConfig(process.env), {}) as WarmHandler,
  };
}

const WARM_SCENARIOS: Readonly<Record<string, WarmScenario>> = {
  bare: {
    fixtures: ['PreSignUp_SignUp'],
    handler: (bundle) => (bundle as { handler: WarmHandler }).handler,
  },
  customMessage: functionScenario(
    'CustomMessage',
    CUSTOM_MESSAGE,
    loadCustomMessageConfig,
    (bundle: typeof CustomMessageBundle, config) => bundle.createCustomMessageHandler(config),
  ),
  preSignUp: functionScenario('PreSignUp', PRE_SIGN_UP, loadPreSignUpConfig, (bundle: typeof PreSignUpBundle, config) =>
    bundle.createPreSignUpHandler(config, inMemory.preSignUp()),
  ),
  userMigration: functionScenario(
    'UserMigration',
    USER_MIGRATION,
    loadUserMigrationConfig,
    (bundle: typeof UserMigrationBundle, config) => bundle.createUserMigrationHandler(config, inMemory.userMigration()),
  ),
  postConfirmation: functionScenario(
    'PostConfirmation',
    POST_CONFIRMATION,
    loadPostConfirmationConfig,
    (bundle: typeof PostConfirmationBundle, config) =>
      bundle.createPostConfirmationHandler(config, inMemory.postConfirmation()),
  ),
  preTokenGeneration: functionScenario(
    'PreTokenGeneration',
    PRE_TOKEN_GENERATION,
    (env) => loadPreTokenGenerationConfig({ ...env, ...TOKEN_CLAIMS_ENV }),
    (bundle: typeof PreTokenGenerationBundle, config) => bundle.createPreTokenGenerationHandler(config),
  ),
};

/** The warm scenario of `name` (a function of serverless.yml, or `bare`). */
export function warmScenario(name: string): WarmScenario {
  const scenario = WARM_SCENARIOS[name];
  if (scenario === undefined)
    throw new Error(`No warm scenario for "${name}"; there are ${Object.keys(WARM_SCENARIOS).join(', ')}.`);
  return scenario;
}
