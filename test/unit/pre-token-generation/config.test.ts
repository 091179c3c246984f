import { loadPreTokenGenerationConfig } from '@functions/pre-token-generation/config';
import { MAX_ADDED_CLAIMS_BYTES } from '@functions/pre-token-generation/token-contract';
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

  it.each([
    [
      'a complex address in CLIENT_CLAIMS',
      { CLIENT_CLAIMS: '{"*": {"address": {"locality": "Paris"}}}' },
      'CLIENT_CLAIMS gives "address" an array or object, which Cognito takes in the ID token only as a string',
    ],
    [
      'phone_number_verified as ROLES_CLAIM',
      { ROLES_CLAIM: 'phone_number_verified' },
      'ROLES_CLAIM is "phone_number_verified", which Cognito takes in the ID token only as a string',
    ],
    [
      'CLIENT_CLAIMS over the size limit',
      { CLIENT_CLAIMS: JSON.stringify({ '*': { blob: 'x'.repeat(MAX_ADDED_CLAIMS_BYTES) } }) },
      `CLIENT_CLAIMS gives "*" ${MAX_ADDED_CLAIMS_BYTES + '{"blob":""}'.length} bytes of claims as JSON`,
    ],
    [
      'a client claim that is the roles claim',
      { ...TEST_ENV, CLIENT_CLAIMS: '{"*": {"roles": ["guest"]}}' },
      'CLIENT_CLAIMS gives "*" the claim "roles", the name of ROLES_CLAIM: it would overwrite each user\'s own.',
    ],
    [
      'the roles claim as the tenant claim',
      { ...TEST_ENV, TENANT_CLAIM: 'roles' },
      'TENANT_CLAIM is "roles", the claim of ROLES_CLAIM too',
    ],
    [
      'a required claim no step writes',
      { ...TEST_ENV, REQUIRED_CLAIMS: 'tenant' },
      'REQUIRED_CLAIMS has "tenant", which no setting puts in the tokens (roles, tenant_id, app, plan, partner): name ROLES_CLAIM (with GROUP_ROLES), TENANT_CLAIM (with TENANT_ATTRIBUTE), or a claim of CLIENT_CLAIMS or MACHINE_CLIENT_ACCESS.',
    ],
  ])('refuses %s, as the package-time check does', (_case, env, message) => {
    expect(() => loadPreTokenGenerationConfig(env)).toThrow(message);
  });

  it('accepts as required every claim a step writes', () => {
    const required = ['roles', 'tenant_id', 'app', 'plan', 'partner'];

    expect(loadPreTokenGenerationConfig({ ...TEST_ENV, REQUIRED_CLAIMS: required.join(',') }).requiredClaims).toEqual(
      required,
    );
  });
});
