import { defineFunction } from '@resources/service/function-declaration';
import { ONBOARDING_PERMISSIONS } from '@resources/service/onboarding-permissions';
import { POST_CONFIRMATION } from './trigger';

/** The postConfirmation function: profile, default group and welcome email after confirmation. */
export const POST_CONFIRMATION_FUNCTION = defineFunction({
  name: 'postConfirmation',
  description: 'Onboarding (profile, default group, welcome email) after confirmation',
  trigger: POST_CONFIRMATION,
  parameters: [
    'defaultGroup',
    'emailFrom',
    'productName',
    'supportEmail',
    'appUrl',
    'passwordChangedNotice',
    'passwordChangeDedupeSeconds',
    'emailMaxAttempts',
  ],
  tables: {
    userProfiles: {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      why: 'Create the profile, record password changes, and claim and record each email.',
    },
  },
  permissions: ONBOARDING_PERMISSIONS,
  bundleBudgetBytes: 905_000,
});
