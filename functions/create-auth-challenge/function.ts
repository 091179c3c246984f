import { defineFunction, MAGIC_LINK_KEY_NAME, SES_SENDING_IDENTITY } from '@resources/service/function-declaration';
import { CREATE_AUTH_CHALLENGE } from './trigger';

/** The createAuthChallenge function: the rounds of a passwordless sign-in, and their codes and links by email. */
export const CREATE_AUTH_CHALLENGE_FUNCTION = defineFunction({
  name: 'createAuthChallenge',
  description: 'Passwordless sign-in: asks for the method, emails a code or a magic link once per challenge',
  trigger: CREATE_AUTH_CHALLENGE,
  parameters: [
    'customAuthMethods',
    'signInCodeLength',
    'signInCodeValiditySeconds',
    'magicLinkValiditySeconds',
    'magicLinkPath',
    'signInEmailsPerWindow',
    'signInEmailWindowSeconds',
    'magicLinkKeyName',
    'emailFrom',
    'productName',
    'supportEmail',
    'appUrl',
  ],
  tables: {
    signInChallenges: {
      actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      why: 'Issue each user’s code or link, count their sign-in emails, and claim and record each email.',
    },
  },
  permissions: [
    { actions: ['ses:SendEmail'], resource: SES_SENDING_IDENTITY, why: 'Send the sign-in codes and magic links.' },
    { actions: ['secretsmanager:GetSecretValue'], resource: MAGIC_LINK_KEY_NAME, why: 'Sign magic links.' },
  ],
  metrics: ['SignInEmailsSent', 'SignInEmailsWithheld'],
  bundleBudgetBytes: 547_000,
});
