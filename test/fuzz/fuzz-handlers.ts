/**
 * The handlers as property tests and the secrets test run them: configured from an explicit environment,
 * every rule switched on, over in-memory dependencies that behave like the real ones.
 */
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import { createCustomMessageHandler } from '@functions/custom-message/handler';
import { createDefineAuthChallengeHandler } from '@functions/define-auth-challenge/handler';
import { createPostAuthenticationHandler } from '@functions/post-authentication/handler';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import { createPreTokenGenerationHandler } from '@functions/pre-token-generation/handler';
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import type { Env } from '@shared/config';
import type { TriggerEvent } from '@shared/trigger';
import type { FixtureTrigger } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { FIXTURE_LEGACY_USER, legacyUser } from '@test/helpers/legacy-users';
import {
  testConfig as createAuthChallengeConfig,
  fakeDependencies as createAuthChallengeDependencies,
} from '@test/unit/create-auth-challenge/support';
import { testConfig as customMessageConfig } from '@test/unit/custom-message/support';
import { testConfig as defineAuthChallengeConfig } from '@test/unit/define-auth-challenge/support';
import { testConfig as postAuthenticationConfig } from '@test/unit/post-authentication/support';
import { fakeDependencies, testConfig as postConfirmationConfig } from '@test/unit/post-confirmation/support';
import { cognitoPool, nativeUser, testConfig as preSignUpConfig } from '@test/unit/pre-sign-up/support';
import { testConfig as preTokenGenerationConfig } from '@test/unit/pre-token-generation/support';
import { createInMemoryLegacyUserStore, testConfig as userMigrationConfig } from '@test/unit/user-migration/support';
import {
  testConfig as verifyAuthChallengeResponseConfig,
  fakeDependencies as verifyAuthChallengeResponseDependencies,
} from '@test/unit/verify-auth-challenge-response/support';

/** Invokes a handler with any event, as Cognito (or a wiring mistake) might send it. */
export type Invoke = (event: TriggerEvent) => Promise<TriggerEvent>;

/** The handlers, and the stub mailer whose calls show the onboarding emails (postConfirmation's and postAuthentication's). */
export interface FuzzHandlers {
  invoke: Record<FixtureTrigger, Invoke>;
  sentEmails: ReturnType<typeof fakeDependencies>['mailer']['send'];
}

/** The native user of the PreSignUp_ExternalProvider fixture's email, so that federated events reach the link. */
const NATIVE_USER = nativeUser('0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10', 'tariq.benali@example.com');

/** Builds the handlers with `env` added to each function's test settings (e.g. `LOG_LEVEL`, `LOG_EVENTS`). */
export async function fuzzHandlers(env: Env): Promise<FuzzHandlers> {
  const postConfirmation = fakeDependencies();
  const preSignUp = createPreSignUpHandler(
    preSignUpConfig({
      ...env,
      DENIED_EMAIL_DOMAINS: 'example.net',
      BLOCK_DISPOSABLE_EMAIL: 'true',
      AUTO_CONFIRM_EMAIL_DOMAINS: 'example.com',
      POLICY_FOR_ADMIN_CREATED_USERS: 'true',
    }),
    { nativeUsers: cognitoPool([structuredClone(NATIVE_USER)]).nativeUsers },
  );
  const customMessage = createCustomMessageHandler(customMessageConfig(env));
  const userMigration = createUserMigrationHandler(userMigrationConfig(env), {
    legacyUsers: createInMemoryLegacyUserStore([await legacyUser(FIXTURE_LEGACY_USER)]),
    now: () => new Date('2026-11-26T15:30:00.000Z'),
  });
  const postConfirmationHandler = createPostConfirmationHandler(postConfirmationConfig(env), postConfirmation);
  const postAuthenticationHandler = createPostAuthenticationHandler(
    postAuthenticationConfig({ ...env, RECORD_LAST_SIGN_IN: 'true' }),
    postConfirmation,
  );
  const preTokenGeneration = createPreTokenGenerationHandler(
    preTokenGenerationConfig({ ...env, USERS_WITHOUT_TENANT: 'refuse', REQUIRED_CLAIMS: 'tenant_id' }),
  );
  const defineAuthChallenge = createDefineAuthChallengeHandler(defineAuthChallengeConfig(env));
  const createAuthChallenge = createCreateAuthChallengeHandler(
    createAuthChallengeConfig(env),
    createAuthChallengeDependencies(),
  );
  const verifyAuthChallengeResponse = createVerifyAuthChallengeResponseHandler(
    verifyAuthChallengeResponseConfig(env),
    verifyAuthChallengeResponseDependencies(),
  );
  const context = lambdaContext();
  return {
    invoke: {
      PreSignUp: (event) => preSignUp(event as never, context),
      CustomMessage: (event) => customMessage(event as never, context),
      UserMigration: (event) => userMigration(event as never, context),
      PostConfirmation: (event) => postConfirmationHandler(event as never, context),
      PostAuthentication: (event) => postAuthenticationHandler(event as never, context),
      PreTokenGeneration: (event) => preTokenGeneration(event as never, context),
      DefineAuthChallenge: (event) => defineAuthChallenge(event as never, context),
      CreateAuthChallenge: (event) => createAuthChallenge(event as never, context),
      VerifyAuthChallengeResponse: (event) => verifyAuthChallengeResponse(event as never, context),
    },
    sentEmails: postConfirmation.mailer.send,
  };
}
