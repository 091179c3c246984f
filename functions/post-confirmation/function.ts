import { defineFunction } from '@resources/service/function-declaration';
import { ONBOARDING_METRICS, ONBOARDING_PARAMETERS, ONBOARDING_PERMISSIONS } from '@resources/service/onboarding';
import { POST_CONFIRMATION } from './trigger';

/** The postConfirmation function: profile, default group and welcome email after confirmation. */
export const POST_CONFIRMATION_FUNCTION = defineFunction({
  name: 'postConfirmation',
  description: 'Onboarding (profile, default group, welcome email) after confirmation',
  trigger: POST_CONFIRMATION,
  parameters: [...ONBOARDING_PARAMETERS, 'passwordChangedNotice', 'passwordChangeDedupeSeconds'],
  tables: {
    userProfiles: {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      why: 'Create the profile, record password changes, and claim and record each email.',
    },
  },
  permissions: ONBOARDING_PERMISSIONS,
  metrics: ONBOARDING_METRICS,
  bundleBudgetBytes: 570_000,
});
