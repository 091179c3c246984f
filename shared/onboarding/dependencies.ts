import { cognitoClient } from '@shared/aws/cognito-client';
import { dynamoDbClient } from '@shared/aws/dynamodb-client';
import { sesClient } from '@shared/aws/ses-client';
import { createSesMailer } from '@shared/mailer';
import { createCognitoGroupMembership } from './group-membership';
import { createCognitoOnboardedMarker } from './onboarded-marker';
import type { OnboardingDependencies } from './onboarding';
import { createDynamoDbProfileStore } from './profile-store';

/**
 * The onboarding's dependencies in a deployed function: the profiles table `userProfilesTable`, the Cognito admin
 * API and SES, each client created on first use, and the system clock.
 */
export function defaultOnboardingDependencies(userProfilesTable: string): OnboardingDependencies {
  return {
    profiles: createDynamoDbProfileStore(dynamoDbClient, userProfilesTable),
    groups: createCognitoGroupMembership(cognitoClient),
    marker: createCognitoOnboardedMarker(cognitoClient),
    mailer: createSesMailer(sesClient),
    now: () => new Date(),
  };
}
