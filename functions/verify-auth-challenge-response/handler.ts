import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { secretsManagerClient } from '@shared/aws/secrets-manager-client';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { createFlowHandler } from '@shared/handler';
import { loadVerifyAuthChallengeResponseConfig, type VerifyAuthChallengeResponseConfig } from './config';
import { VERIFY_AUTH_CHALLENGE_RESPONSE_STEPS } from './steps';
import { VERIFY_AUTH_CHALLENGE_RESPONSE, type VerifyAuthChallengeResponseDependencies } from './trigger';
import { createDynamoDbUsedLinks } from './used-links';

/**
 * The dependencies of the deployed function: the used-links record and the magic-link key, each client created on
 * first use — so a code's verification, which needs neither, loads no AWS SDK module — and the system clock.
 */
export function defaultVerifyAuthChallengeResponseDependencies(
  config: VerifyAuthChallengeResponseConfig,
): VerifyAuthChallengeResponseDependencies {
  return {
    usedLinks: createDynamoDbUsedLinks(dynamoDbClient, config.signInChallengesTable),
    signingKey: createSecretsManagerSigningKey(secretsManagerClient, config.magicLinkKeyName),
    now: () => new Date(),
  };
}

/**
 * Builds the verifyAuthChallengeResponse handler over `config` and `dependencies` (tests pass their own).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 */
export function createVerifyAuthChallengeResponseHandler(
  config: VerifyAuthChallengeResponseConfig,
  dependencies: VerifyAuthChallengeResponseDependencies = defaultVerifyAuthChallengeResponseDependencies(config),
) {
  return createFlowHandler(VERIFY_AUTH_CHALLENGE_RESPONSE, VERIFY_AUTH_CHALLENGE_RESPONSE_STEPS, config, dependencies);
}

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createVerifyAuthChallengeResponseHandler(loadVerifyAuthChallengeResponseConfig(process.env));
