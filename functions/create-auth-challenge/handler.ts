import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { secretsManagerClient } from '@shared/aws/secrets-manager-client';
import { sesClient } from '@shared/aws/ses-client';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { createFlowHandler } from '@shared/handler';
import { createSesMailer } from '@shared/mailer';
import { type CreateAuthChallengeConfig, loadCreateAuthChallengeConfig } from './config';
import { createDynamoDbSignInStore } from './sign-in-store';
import { CREATE_AUTH_CHALLENGE_STEPS } from './steps';
import { createTimedMailer } from './timed-mailer';
import { CREATE_AUTH_CHALLENGE, type CreateAuthChallengeDependencies } from './trigger';

/**
 * The dependencies of the deployed function: the sign-in challenges table, SES (timed, so unknown users wait as
 * long), the magic-link key in Secrets Manager, each client created on first use, and the system clock.
 */
export function defaultCreateAuthChallengeDependencies(
  config: CreateAuthChallengeConfig,
): CreateAuthChallengeDependencies {
  return {
    signIns: createDynamoDbSignInStore(dynamoDbClient, config.signInChallengesTable),
    mailer: createTimedMailer(createSesMailer(sesClient), sesClient),
    signingKey: createSecretsManagerSigningKey(secretsManagerClient, config.magicLinkKeyName),
    now: () => new Date(),
  };
}

/**
 * Builds the createAuthChallenge handler over `config` and `dependencies` (tests pass their own).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 */
export function createCreateAuthChallengeHandler(
  config: CreateAuthChallengeConfig,
  dependencies: CreateAuthChallengeDependencies = defaultCreateAuthChallengeDependencies(config),
) {
  return createFlowHandler(CREATE_AUTH_CHALLENGE, CREATE_AUTH_CHALLENGE_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createCreateAuthChallengeHandler(loadCreateAuthChallengeConfig(process.env));
