/*
 * The package-time side of the token settings (resources/pool/token-claims.ts, through poolSettings as the framework
 * calls it): the PreTokenGeneration version per plan and machine-to-machine, the resource server's scopes, and the
 * refusals that name the stage parameter.
 */
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
