import { defineFunction, SES_SENDING_IDENTITY, USER_POOLS_OF_ACCOUNT } from '@resources/service/function-declaration';
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
  permissions: [
    {
      actions: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminUpdateUserAttributes'],
      resource: USER_POOLS_OF_ACCOUNT,
      why: 'Add the confirmed user to the default groups, then mark them onboarded (`custom:onboarded`).',
    },
    {
      actions: ['ses:SendEmail'],
      resource: SES_SENDING_IDENTITY,
      why: 'Send the welcome email and the password-changed notice.',
    },
  ],
  bundleBudgetBytes: 905_000,
});
