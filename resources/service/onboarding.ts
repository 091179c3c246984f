import type { ParameterName } from '@resources/parameters/catalog';
import type { FlowMetric } from '@shared/metrics/catalog';
import { type Permission, SES_SENDING_IDENTITY, USER_POOLS_OF_ACCOUNT } from './function-declaration';

/** The stage parameters every function that onboards users reads: groups, emails and their retries. */
export const ONBOARDING_PARAMETERS: readonly ParameterName[] = [
  'defaultGroup',
  'emailFrom',
  'productName',
  'supportEmail',
  'appUrl',
  'emailMaxAttempts',
];

/**
 * What a function that onboards users (postConfirmation, postAuthentication) may do besides its table: add the user
 * to the default groups and mark them onboarded, and send the onboarding emails.
 */
export const ONBOARDING_PERMISSIONS: readonly Permission[] = [
  {
    actions: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminUpdateUserAttributes'],
    resource: USER_POOLS_OF_ACCOUNT,
    why: 'Add a user being onboarded to the default groups, then mark them onboarded (`custom:onboarded`).',
  },
  {
    actions: ['ses:SendEmail'],
    resource: SES_SENDING_IDENTITY,
    why: 'Send the onboarding emails (welcome email, password-changed notice).',
  },
];

/** The metrics of a function that sends the onboarding emails: one per email, by what became of it. */
export const ONBOARDING_METRICS: readonly FlowMetric[] = [
  'EmailsSent',
  'EmailsDuplicate',
  'EmailsRetrying',
  'EmailsParked',
  'EmailsFailed',
];
