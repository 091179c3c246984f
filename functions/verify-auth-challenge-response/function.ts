import { defineFunction, MAGIC_LINK_KEY_NAME } from '@resources/service/function-declaration';
import { VERIFY_AUTH_CHALLENGE_RESPONSE } from './trigger';

/** The verifyAuthChallengeResponse function: judges sign-in codes and magic links, each link once. */
export const VERIFY_AUTH_CHALLENGE_RESPONSE_FUNCTION = defineFunction({
  name: 'verifyAuthChallengeResponse',
  description: 'Passwordless sign-in: judges codes without any call, and magic links once each',
  trigger: VERIFY_AUTH_CHALLENGE_RESPONSE,
  parameters: ['customAuthMethods', 'magicLinkKeyName'],
  tables: {
    signInChallenges: { actions: ['dynamodb:PutItem'], why: 'Record each magic link that signs in, once.' },
  },
  permissions: [
    { actions: ['secretsmanager:GetSecretValue'], resource: MAGIC_LINK_KEY_NAME, why: 'Check magic links.' },
  ],
  metrics: ['SignInCodesRight', 'SignInCodesWrong'],
  bundleBudgetBytes: 492_000,
});
