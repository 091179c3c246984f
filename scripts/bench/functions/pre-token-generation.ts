import { loadPreTokenGenerationConfig } from '@functions/pre-token-generation/config';
import type * as PreTokenGenerationBundle from '@functions/pre-token-generation/handler';
import { defineBenchedFunction } from './benched-function';

/**
 * preTokenGeneration runs on every sign-in and refresh and calls no AWS service. Every step is on, for the fixtures'
 * user (in `admins` and `users`, with `custom:tenant_id`) and machine client.
 */
export const preTokenGeneration = defineBenchedFunction({
  loadConfig: loadPreTokenGenerationConfig,
  warmHandler: (bundle: typeof PreTokenGenerationBundle, config) => bundle.createPreTokenGenerationHandler(config),
  env: {
    GROUP_ROLES: 'admins:admin,users:member',
    GROUP_SCOPES: 'admins:orders/admin',
    TENANT_ATTRIBUTE: 'custom:tenant_id',
    HIDDEN_ID_CLAIMS: 'phone_number',
    CLIENT_CLAIMS: '{"*": {"plan": "standard"}}',
    MACHINE_CLIENT_ACCESS: '{"*": {"scopes": ["orders/read"], "claims": {"partner": "acme"}}}',
  },
  paths: {
    'sign-in': {
      what: 'sign-in tokens: roles, group scopes, tenant, client claims',
      fixture: 'TokenGeneration_Authentication',
      check: (response) => {
        const details = response.claimsAndScopeOverrideDetails as { accessTokenGeneration?: unknown } | null;
        return typeof details?.accessTokenGeneration === 'object'
          ? undefined
          : `response.claimsAndScopeOverrideDetails is ${JSON.stringify(details)}, not claims for the access token`;
      },
    },
  },
});
