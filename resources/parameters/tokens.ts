import { type ParameterGroup, rule } from './parameter';

/** A setting that changes the access token needs V2_0 or V3_0 events, which need the Essentials plan or higher. */
const ACCESS_TOKEN = { needs: 'ESSENTIALS', unless: [''] } as const;

/** What the tokens carry (the preTokenGeneration function) and the machine-to-machine clients. */
export const TOKEN_PARAMETERS = [
  {
    title: 'Token claims',
    parameters: [
      {
        name: 'groupRoles',
        default: '',
        stages: { local: 'admins:admin,users:member' },
        rule: rule.list,
        meaning:
          'Groups mapped to roles, as `group:role` pairs (`admins:admin,users:member`): both tokens carry the roles of the user’s groups as the `rolesClaim` array.',
      },
      {
        name: 'rolesClaim',
        default: 'roles',
        rule: rule.text,
        meaning: 'Name of the roles claim.',
      },
      {
        name: 'groupScopes',
        default: '',
        stages: { local: 'admins:flows-api/admin' },
        rule: rule.list,
        plan: ACCESS_TOKEN,
        meaning:
          'Groups mapped to OAuth scopes added to the access token, as `group:scope` pairs (`admins:orders/admin`).',
      },
      {
        name: 'tenantAttribute',
        default: '',
        stages: { local: 'custom:tenant_id' },
        rule: rule.text,
        meaning:
          'The attribute both tokens carry as the `tenantClaim`, e.g. `custom:tenant_id` (declare it in `customAttributes`). Empty: no tenant claim.',
      },
      {
        name: 'tenantClaim',
        default: 'tenant_id',
        rule: rule.text,
        meaning: 'Name of the tenant claim.',
      },
      {
        name: 'usersWithoutTenant',
        default: 'omit',
        rule: rule.oneOf('omit', 'refuse'),
        meaning:
          'A user without the `tenantAttribute`: `omit` issues tokens without the claim, `refuse` refuses the sign-in.',
      },
      {
        name: 'hiddenIdClaims',
        default: '',
        rule: rule.list,
        meaning: 'Claims kept out of the ID token, e.g. `phone_number,custom:internal_notes`.',
      },
      {
        name: 'clientClaims',
        default: '',
        rule: rule.text,
        meaning:
          'Static claims of both tokens per app client, as JSON: `{"<app client id>": {"plan": "pro"}, "*": {…}}` (`*`: every client). A client’s id exists once the stack is deployed, so a key of one client takes a second deploy (the `UserPoolClientId` output).',
      },
      {
        name: 'requiredClaims',
        default: '',
        rule: rule.list,
        meaning:
          'Claims the tokens cannot do without: when the response check drops the claims, a sign-in that was to carry one of these is refused. Each is a claim the settings write: `rolesClaim` (with `groupRoles`), `tenantClaim` (with `tenantAttribute`), or one of `clientClaims` or `machineClientAccess`.',
      },
    ],
  },
  {
    title: 'Machine-to-machine',
    parameters: [
      {
        name: 'resourceServer',
        default: '',
        rule: rule.text,
        plan: ACCESS_TOKEN,
        meaning:
          'Identifier of the API machine clients get tokens for, e.g. `orders`. Set: a resource server with `resourceServerScopes`, a client-credentials app client, and PreTokenGeneration `V3_0`.',
      },
      {
        name: 'resourceServerScopes',
        default: '',
        rule: rule.list,
        meaning:
          'The resource server’s scopes (`read,write`); the machine client may ask for each as `<resourceServer>/<scope>`.',
      },
      {
        name: 'machineClientAccess',
        default: '',
        rule: rule.text,
        plan: ACCESS_TOKEN,
        meaning:
          'Scopes and claims of client-credentials tokens per machine client, as JSON: `{"*": {"scopes": ["orders/read"], "claims": {"partner": "acme"}}}`. A machine client’s own key takes a second deploy (the `MachineClientId` output).',
      },
    ],
  },
] as const satisfies readonly ParameterGroup[];
