import { defineFunction } from '@resources/service/function-declaration';
import { ONBOARDING_METRICS, ONBOARDING_PARAMETERS, ONBOARDING_PERMISSIONS } from '@resources/service/onboarding';
import { POST_AUTHENTICATION } from './trigger';

/** The postAuthentication function: onboards users PostConfirmation never saw, and may record each sign-in. */
export const POST_AUTHENTICATION_FUNCTION = defineFunction({
  name: 'postAuthentication',
  description: 'Onboarding of users who arrive by a sign-in, and optionally the last sign-in time',
  trigger: POST_AUTHENTICATION,
  parameters: [...ONBOARDING_PARAMETERS, 'recordLastSignIn'],
  tables: {
    userProfiles: {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      why: 'Create the profile, claim and record the welcome email, and record sign-ins.',
    },
  },
  permissions: ONBOARDING_PERMISSIONS,
  metrics: ONBOARDING_METRICS,
  bundleBudgetBytes: 569_000,
});
