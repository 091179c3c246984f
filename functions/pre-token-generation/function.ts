import { defineFunction } from '@resources/service/function-declaration';
import { PRE_TOKEN_GENERATION } from './trigger';

/** The preTokenGeneration function: roles, scopes, tenant and client claims in both tokens; machine client tokens. */
export const PRE_TOKEN_GENERATION_FUNCTION = defineFunction({
  name: 'preTokenGeneration',
  description: 'Roles, scopes, tenant and client claims in the ID and access tokens',
  trigger: PRE_TOKEN_GENERATION,
  parameters: [
    'groupRoles',
    'rolesClaim',
    'groupScopes',
    'tenantAttribute',
    'tenantClaim',
    'usersWithoutTenant',
    'hiddenIdClaims',
    'clientClaims',
    'machineClientAccess',
    'requiredClaims',
  ],
  // V1_0 on the Lite plan, V3_0 with machine-to-machine clients, V2_0 otherwise (resources/pool/token-claims.ts).
  lambdaVersion: '${self:custom.pool.tokens.lambdaVersion}',
  bundleBudgetBytes: 48_000,
});
