import { defineScheduledFunction, SES_SENDING_IDENTITY } from '@resources/service/function-declaration';
import { ONBOARDING_METRICS } from '@resources/service/onboarding';

/**
 * The emailOutbox function: every minute, sends the onboarding emails the triggers could not (the `outbox` index
 * of the profiles table), and parks those that keep failing.
 */
export const EMAIL_OUTBOX_FUNCTION = defineScheduledFunction({
  name: 'emailOutbox',
  description: 'Sends the due onboarding emails of the outbox; parks those that keep failing',
  schedule: 'rate(1 minute)',
  timeout: 60,
  parameters: ['emailFrom', 'productName', 'supportEmail', 'appUrl', 'emailMaxAttempts'],
  tables: {
    userProfiles: { actions: ['dynamodb:UpdateItem'], why: 'Claim, record, retry and park each email.' },
  },
  permissions: [
    {
      actions: ['dynamodb:Query'],
      resource: {
        arn: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['UserProfilesTable', 'Arn'] }, '/index/outbox']] },
        shown: 'the `outbox` index of the `UserProfilesTable` table',
      },
      why: 'Find the profiles with an email due.',
    },
    { actions: ['ses:SendEmail'], resource: SES_SENDING_IDENTITY, why: 'Send the due emails.' },
  ],
  metrics: ONBOARDING_METRICS,
  bundleBudgetBytes: 512_000,
});
