import { loadPreTokenGenerationConfig } from '@functions/pre-token-generation/config';
import { TEST_ENV, WEB_CLIENT } from './support';

describe('loadPreTokenGenerationConfig', () => {
  it('leaves every step off when nothing is set', () => {
    expect(loadPreTokenGenerationConfig({})).toEqual({
      logLevel: 'info',
      logEvents: false,
      groupRoles: new Map(),
      rolesClaim: 'roles',
      groupScopes: new Map(),
      tenantAttribute: '',
      tenantClaim: 'tenant_id',
      usersWithoutTenant: 'omit',
      hiddenIdClaims: [],
      clientClaims: {},
      machineClientAccess: {},
      requiredClaims: [],
    });
  });

  it('reads every setting of the test environment', () => {
    const config = loadPreTokenGenerationConfig(TEST_ENV);

    expect(config.groupRoles).toEqual(
      new Map([
        ['admins', ['admin', 'auditor']],
        ['users', ['member']],
      ]),
    );
    expect(config.groupScopes).toEqual(new Map([['admins', ['orders/admin']]]));
    expect(config.clientClaims).toEqual({ [WEB_CLIENT]: { app: 'web' }, '*': { plan: 'standard' } });
    expect(config.machineClientAccess).toEqual({ '*': { scopes: ['orders/write'], claims: { partner: 'acme' } } });
  });

  it.each([
    [{ GROUP_ROLES: 'admins' }, 'GROUP_ROLES has "admins"; write group:role pairs, e.g. admins:role.'],
    [{ GROUP_ROLES: ':admin' }, 'GROUP_ROLES has ":admin"; write group:role pairs'],
    [{ GROUP_SCOPES: 'admins:two words' }, 'GROUP_SCOPES has "admins:two words"; write group:scope pairs'],
    [{ ROLES_CLAIM: 'sub' }, 'ROLES_CLAIM has "sub", a claim Cognito writes itself and no trigger may change.'],
    [{ TENANT_CLAIM: 'cognito:groups' }, 'TENANT_CLAIM has "cognito:groups", a claim Cognito writes itself'],
    [{ HIDDEN_ID_CLAIMS: 'phone_number,aud' }, 'HIDDEN_ID_CLAIMS has "aud"'],
    [{ REQUIRED_CLAIMS: 'bad name' }, 'REQUIRED_CLAIMS has "bad name", which is not a claim name.'],
    [{ TENANT_ATTRIBUTE: 'tenant' }, 'TENANT_ATTRIBUTE must be custom:<name> or a standard attribute'],
    [{ USERS_WITHOUT_TENANT: 'ignore' }, 'USERS_WITHOUT_TENANT must be one of omit, refuse, got "ignore".'],
    [{ CLIENT_CLAIMS: '{"*": ' }, 'CLIENT_CLAIMS must be a JSON object, e.g. {"*": {"plan": "standard"}}.'],
    [{ CLIENT_CLAIMS: '[1]' }, 'CLIENT_CLAIMS must be a JSON object'],
    [{ CLIENT_CLAIMS: '{"bad key!": {}}' }, 'CLIENT_CLAIMS has the key "bad key!"; use an app client id or "*".'],
    [{ CLIENT_CLAIMS: '{"*": {"plan": null}}' }, 'CLIENT_CLAIMS gives "plan" a value Cognito does not take'],
    [{ CLIENT_CLAIMS: '{"*": {"iss": "me"}}' }, 'CLIENT_CLAIMS has "iss", a claim Cognito writes itself'],
    [
      { MACHINE_CLIENT_ACCESS: '{"*": {"scopes": "orders/read"}}' },
      'MACHINE_CLIENT_ACCESS has "*".scopes, which must be a list of OAuth scopes.',
    ],
    [
      { MACHINE_CLIENT_ACCESS: '{"*": 3}' },
      'MACHINE_CLIENT_ACCESS has "*", which must be an object with "scopes" and "claims".',
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadPreTokenGenerationConfig(env)).toThrow(message);
  });

  it('accepts a standard attribute as the tenant attribute', () => {
    expect(loadPreTokenGenerationConfig({ TENANT_ATTRIBUTE: 'zoneinfo' }).tenantAttribute).toBe('zoneinfo');
  });
});
