import { defineFunction, USER_POOLS_OF_ACCOUNT } from '@resources/service/function-declaration';
import { PRE_SIGN_UP } from './trigger';

/** The preSignUp function: the sign-up policy and federated account linking. */
export const PRE_SIGN_UP_FUNCTION = defineFunction({
  name: 'preSignUp',
  description: 'Sign-up policy and federated account linking',
  trigger: PRE_SIGN_UP,
  parameters: [
    'allowedEmailDomains',
    'deniedEmailDomains',
    'blockDisposableEmail',
    'autoConfirmEmailDomains',
    'policyForAdminCreatedUsers',
    'linkFederatedUsers',
    'providersVerifyingEmail',
    'verifyFederatedEmail',
    'inviteCodeSha256',
  ],
  environment: {
    IDENTITY_PROVIDER_NAMES: {
      value: 'Google,Facebook,SignInWithApple,LoginWithAmazon,${param:samlProviderName}',
      meaning: 'The identity providers’ names in the pool: the four social providers and `samlProviderName`.',
    },
  },
  permissions: [
    {
      actions: ['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser'],
      resource: USER_POOLS_OF_ACCOUNT,
      why: 'Federated sign-up: find the native user with the same email and link the identity to it.',
    },
  ],
  metrics: ['AccountsLinked', 'AccountsAlreadyLinked', 'AccountLinksRefused'],
  bundleBudgetBytes: 639_000,
});
