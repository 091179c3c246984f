import { cognitoClient } from '@shared/aws/cognito-client';
import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { sesClient } from '@shared/aws/ses-client';
import { createFlowHandler } from '@shared/handler';
import { loadPostConfirmationConfig, type PostConfirmationConfig } from './config';
import { createCognitoGroupMembership } from './group-membership';
import { createSesMailer } from './mailer';
import { createDynamoProfileStore } from './profile-store';
import { POST_CONFIRMATION_STEPS } from './steps';
import { POST_CONFIRMATION, type PostConfirmationDependencies } from './trigger';

/**
 * The dependencies a deployed function uses: the profiles table, the Cognito admin API and SES, each client
 * created on first use.
 */
export function awsDependencies(config: PostConfirmationConfig): PostConfirmationDependencies {
  return {
    profiles: createDynamoProfileStore(config.profilesTable, dynamoDbClient),
    groups: createCognitoGroupMembership(cognitoClient),
    mailer: createSesMailer(sesClient),
    now: () => new Date(),
  };
}

/**
 * Builds the postConfirmation handler over `config` and `dependencies`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 */
export function createPostConfirmationHandler(
  config: PostConfirmationConfig,
  dependencies: PostConfirmationDependencies,
) {
  return createFlowHandler(POST_CONFIRMATION, POST_CONFIRMATION_STEPS, config, dependencies);
}

const config = loadPostConfirmationConfig(process.env);

/** The Lambda entry point; configuration is read once, at cold start. */
export const handler = createPostConfirmationHandler(config, awsDependencies(config));
