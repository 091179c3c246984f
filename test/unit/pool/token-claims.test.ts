/*
 * The package-time side of the token settings (resources/pool/token-claims.ts, through poolSettings as the framework
 * calls it): the PreTokenGeneration version per plan and machine-to-machine, the resource server's scopes, and the
 * refusals that name the stage parameter: malformed values, values the response check would drop on every sign-in,
 * claims two settings would write, and required claims no setting writes.
 */
import { MAX_ADDED_CLAIMS_BYTES } from '@functions/pre-token-generation/token-contract';
import { settingsWith } from '@test/helpers/stage-parameters';

/** The default values with a tenant attribute and `overrides`, as the framework resolves `param:<name>`. */
function settingsOf(overrides: Record<string, string> = {}) {
  return settingsWith({ domainPrefix: 'flows-test', customAttributes: 'tenant_id:String', ...overrides });
}

describe('the token settings at package time', () => {
  it('give the pool V2_0 on the Essentials plan without machine clients', async () => {
    expect((await settingsOf()).tokens).toEqual({
      lambdaVersion: 'V2_0',
      machineToMachine: 'false',
      resourceServer: '',
      resourceServerScopes: [],
      machineClientScopes: [],
    });
  });

  it('give V3_0, a resource server and the machine client’s scopes when resourceServer is set', async () => {
    const { tokens } = await settingsOf({
      userPoolTier: 'PLUS',
      resourceServer: 'orders',
      resourceServerScopes: 'read,write',
      machineClientAccess: '{"*": {"scopes": ["orders/read"], "claims": {"partner": "acme"}}}',
    });

    expect(tokens).toEqual({
      lambdaVersion: 'V3_0',
      machineToMachine: 'true',
      resourceServer: 'orders',
      resourceServerScopes: [
        { ScopeName: 'read', ScopeDescription: 'read on orders' },
        { ScopeName: 'write', ScopeDescription: 'write on orders' },
      ],
      machineClientScopes: ['orders/read', 'orders/write'],
    });
  });

  it('fall back to V1_0 on the Lite plan when no setting needs the access token', async () => {
    const { tokens } = await settingsOf({
      userPoolTier: 'LITE',
      groupRoles: 'admins:admin',
      tenantAttribute: 'custom:tenant_id',
    });

    expect(tokens.lambdaVersion).toBe('V1_0');
  });

  it.each([
    ['groupScopes', { groupScopes: 'admins:orders/admin' }],
    ['resourceServer', { resourceServer: 'orders', resourceServerScopes: 'read' }],
    ['machineClientAccess', { machineClientAccess: '{"*": {"scopes": ["a/b"]}}' }],
  ])('refuse %s on the Lite plan, naming it and userPoolTier', async (name, overrides) => {
    await expect(settingsOf({ userPoolTier: 'LITE', ...overrides })).rejects.toThrow(
      `Stage parameter "${name}" is "${Object.values(overrides).find((value) => value !== '')}", which needs userPoolTier ESSENTIALS or higher; userPoolTier is LITE.`,
    );
  });

  it.each([
    [{ groupRoles: 'admins' }, 'Stage parameter "groupRoles" has "admins"; write group:role pairs, e.g. admins:role.'],
    [{ groupScopes: 'admins:' }, 'Stage parameter "groupScopes" has "admins:"; write group:scope pairs'],
    [{ rolesClaim: 'token_use' }, 'Stage parameter "rolesClaim" has "token_use", a claim Cognito writes itself'],
    [{ hiddenIdClaims: 'sub' }, 'Stage parameter "hiddenIdClaims" has "sub"'],
    [
      { clientClaims: 'plan=pro' },
      'Stage parameter "clientClaims" must be a JSON object, e.g. {"*": {"plan": "standard"}}.',
    ],
    [
      { tenantAttribute: 'custom:org_id' },
      'Stage parameter "tenantAttribute" is "custom:org_id", which is neither a standard attribute nor one of customAttributes (custom:tenant_id).',
    ],
    [{ resourceServerScopes: 'read' }, 'Stage parameter "resourceServerScopes" needs resourceServer to be set.'],
    [{ machineClientAccess: '{}' }, 'Stage parameter "machineClientAccess" needs resourceServer'],
    [{ resourceServer: 'orders' }, 'Stage parameter "resourceServerScopes" must list at least one scope'],
    [
      { resourceServer: 'orders', resourceServerScopes: 'read/all' },
      'Stage parameter "resourceServerScopes" has "read/all"',
    ],
    [
      { resourceServer: 'my orders', resourceServerScopes: 'read' },
      'Stage parameter "resourceServer" must be 1-256 printable characters',
    ],
  ])('refuse %j, naming the parameter', async (overrides, message) => {
    await expect(settingsOf(overrides)).rejects.toThrow(message);
  });

  it('accept a standard attribute as the tenant attribute', async () => {
    await expect(settingsOf({ tenantAttribute: 'zoneinfo' })).resolves.toBeDefined();
  });
});

describe('the token settings the response check would drop on every sign-in', () => {
  /** Static claims of `bytes` bytes as JSON: `{"blob":"xx…"}`. */
  const claimsOf = (bytes: number) => ({ blob: 'x'.repeat(bytes - '{"blob":""}'.length) });

  it.each([
    [
      'a complex address in clientClaims',
      { clientClaims: '{"*": {"address": {"locality": "Paris"}}}' },
      'Stage parameter "clientClaims" gives "address" an array or object, which Cognito takes in the ID token only as a string, number or boolean.',
    ],
    [
      'a list as email_verified in clientClaims',
      { clientClaims: '{"*": {"email_verified": [true]}}' },
      'Stage parameter "clientClaims" gives "email_verified" an array or object',
    ],
    [
      'updated_at as the roles claim',
      { rolesClaim: 'updated_at' },
      'Stage parameter "rolesClaim" is "updated_at", which Cognito takes in the ID token only as a string, number or boolean; the roles are a list.',
    ],
    [
      'client claims over the size limit',
      { clientClaims: JSON.stringify({ '*': claimsOf(MAX_ADDED_CLAIMS_BYTES + 1) }) },
      `Stage parameter "clientClaims" gives "*" ${MAX_ADDED_CLAIMS_BYTES + 1} bytes of claims as JSON; a token's added claims may take ${MAX_ADDED_CLAIMS_BYTES}.`,
    ],
    [
      'a client whose claims and the "*" claims are over the size limit together',
      { clientClaims: JSON.stringify({ '*': claimsOf(2_100), web: { app: 'a'.repeat(2_100) } }) },
      `Stage parameter "clientClaims" gives "web" ${2_100 + ',"app":""'.length + 2_100} bytes of claims as JSON`,
    ],
    [
      'machine client claims over the size limit',
      {
        resourceServer: 'orders',
        resourceServerScopes: 'read',
        machineClientAccess: JSON.stringify({ '*': { claims: claimsOf(MAX_ADDED_CLAIMS_BYTES + 1) } }),
      },
      `Stage parameter "machineClientAccess" gives "*" ${MAX_ADDED_CLAIMS_BYTES + 1} bytes of claims as JSON`,
    ],
  ])('refuse %s, naming the parameter', async (_case, overrides, message) => {
    await expect(settingsOf(overrides)).rejects.toThrow(message);
  });

  it('accept static claims of exactly the size limit, and a complex address in machine clients’ access tokens', async () => {
    await expect(
      settingsOf({ clientClaims: JSON.stringify({ '*': claimsOf(MAX_ADDED_CLAIMS_BYTES) }) }),
    ).resolves.toBeDefined();
    await expect(
      settingsOf({
        resourceServer: 'orders',
        resourceServerScopes: 'read',
        machineClientAccess: '{"*": {"claims": {"address": {"locality": "Paris"}}}}',
      }),
    ).resolves.toBeDefined();
  });
});

describe('the token settings that write one claim twice', () => {
  it.each([
    [
      { groupRoles: 'admins:admin', clientClaims: '{"*": {"roles": ["guest"]}}' },
      'Stage parameter "clientClaims" gives "*" the claim "roles", the name of rolesClaim: it would overwrite each user\'s own.',
    ],
    [
      { tenantAttribute: 'custom:tenant_id', tenantClaim: 'org', clientClaims: '{"web": {"org": "acme"}}' },
      'Stage parameter "clientClaims" gives "web" the claim "org", the name of tenantClaim',
    ],
    [
      { groupRoles: 'admins:admin', tenantAttribute: 'custom:tenant_id', tenantClaim: 'roles' },
      'Stage parameter "tenantClaim" is "roles", the claim of rolesClaim too: the tenant would replace the roles.',
    ],
  ])('refuse %j, naming both parameters', async (overrides, message) => {
    await expect(settingsOf(overrides)).rejects.toThrow(message);
  });

  it('accept a client claim named like the roles or tenant claim while that step is off', async () => {
    await expect(
      settingsOf({ clientClaims: '{"*": {"roles": ["guest"], "tenant_id": "shared"}}' }),
    ).resolves.toBeDefined();
  });
});

describe('the required claims', () => {
  it.each([
    [
      { requiredClaims: 'tenant_id' },
      'Stage parameter "requiredClaims" has "tenant_id", which no setting puts in the tokens (none): name rolesClaim (with groupRoles), tenantClaim (with tenantAttribute), or a claim of clientClaims or machineClientAccess.',
    ],
    [
      { groupRoles: 'admins:admin', clientClaims: '{"*": {"plan": "pro"}}', requiredClaims: 'roles,role' },
      'Stage parameter "requiredClaims" has "role", which no setting puts in the tokens (roles, plan)',
    ],
  ])('refuse %j, a claim no step writes', async (overrides, message) => {
    await expect(settingsOf(overrides)).rejects.toThrow(message);
  });

  it('accept the roles and tenant claims, and claims of clientClaims and machineClientAccess', async () => {
    await expect(
      settingsOf({
        groupRoles: 'admins:admin',
        tenantAttribute: 'custom:tenant_id',
        tenantClaim: 'org',
        clientClaims: '{"web": {"plan": "pro"}}',
        resourceServer: 'orders',
        resourceServerScopes: 'read',
        machineClientAccess: '{"*": {"claims": {"partner": "acme"}}}',
        requiredClaims: 'roles,org,plan,partner',
      }),
    ).resolves.toBeDefined();
  });
});
