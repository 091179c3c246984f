import { defineFunction, SES_SENDING_IDENTITY, USER_POOLS_OF_ACCOUNT } from '@resources/service/function-declaration';
import { POST_AUTHENTICATION } from './trigger';

/** The postAuthentication function: onboards users PostConfirmation never saw, and may record each sign-in. */
export const POST_AUTHENTICATION_FUNCTION = defineFunction({
  name: 'postAuthentication',
  description: 'Onboarding of users who arrive by a sign-in, and optionally the last sign-in time',
  trigger: POST_AUTHENTICATION,
  parameters: [
    'defaultGroup',
    'emailFrom',
    'productName',
    'supportEmail',
    'appUrl',
    'emailMaxAttempts',
    'recordLastSignIn',
  ],
  tables: {
    userProfiles: {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      why: 'Create the profile, claim and record the welcome email, and record sign-ins.',
    },
  },
  permissions: [
    {
      actions: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminUpdateUserAttributes'],
      resource: USER_POOLS_OF_ACCOUNT,
      why: 'Add a user being onboarded to the default groups, then mark them onboarded (`custom:onboarded`).',
    },
    {
      actions: ['ses:SendEmail'],
      resource: SES_SENDING_IDENTITY,
      why: 'Send the welcome email.',
    },
  ],
  bundleBudgetBytes: 905_000,
});
