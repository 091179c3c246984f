/*
 * The contract over every trigger source: whatever the steps write for a fixture's user or machine client, the
 * answer never touches a reserved claim, holds only values Cognito takes, fits the size limit, and is the shape of
 * the event's version.
 */
import { brokenRules } from '@functions/pre-token-generation/response-check';
import {
  MAX_ADDED_CLAIMS_BYTES,
  RESERVED_CLAIMS,
  SIMPLE_ID_TOKEN_CLAIMS,
} from '@functions/pre-token-generation/token-contract';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from './support';

/** Static claims of every kind of value Cognito takes: a number, a boolean, a list, an object, a simple ID claim. */
const STATIC_CLAIMS = { seats: 25, beta: true, regions: ['eu', 'us'], limits: { daily: 100 }, email_verified: true };

/** Every step on, with static claims of every kind; the tenant at the longest a custom attribute can be (2,048). */
const CONFIG = testConfig({
  GROUP_SCOPES: 'admins:orders/admin,users:orders/read',
  CLIENT_CLAIMS: JSON.stringify({ '*': STATIC_CLAIMS }),
  MACHINE_CLIENT_ACCESS: JSON.stringify({ '*': { scopes: ['orders/write'], claims: STATIC_CLAIMS } }),
});
const LONGEST_TENANT = 't'.repeat(2_048);

function isSimple(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
}

/**
 * Whether Cognito takes `value` for `claim` in `token`, as the developer guide puts it: a string, finite number or
 * boolean; outside the ID token's simple claims also an array of those, or an object that is JSON.
 */
function cognitoTakes(token: 'id' | 'access', claim: string, value: unknown): boolean {
  if (isSimple(value)) return true;
  if (token === 'id' && SIMPLE_ID_TOKEN_CLAIMS.has(claim)) return false;
  if (Array.isArray(value)) return value.every(isSimple);
  return (
    Object.getPrototypeOf(value) === Object.prototype &&
    JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value)
  );
}

function eventOf(source: (typeof FIXTURES_BY_TRIGGER.PreTokenGeneration)[number], version: string) {
  const event = loadFixture(source);
  event.version = version;
  if (event.request.userAttributes && source !== 'TokenGeneration_ClientCredentials') {
    event.request.userAttributes['custom:tenant_id'] = LONGEST_TENANT;
  }
  return event;
}

describe.each(FIXTURES_BY_TRIGGER.PreTokenGeneration)('the answer to %s', (source) => {
  const version = source === 'TokenGeneration_ClientCredentials' ? '3' : '2';

  it('changes no reserved claim, and passes every rule of the response check', async () => {
    const event = eventOf(source, version);

    const logs = await runFlow(event, CONFIG);

    const details = event.response.claimsAndScopeOverrideDetails;
    expect(details).not.toBeNull();
    expect(brokenRules(details)).toEqual([]);
    for (const part of [details?.idTokenGeneration, details?.accessTokenGeneration]) {
      const touched = [...Object.keys(part?.claimsToAddOrOverride ?? {}), ...(part?.claimsToSuppress ?? [])];
      expect(touched.filter((claim) => RESERVED_CLAIMS.has(claim))).toEqual([]);
    }
    expect(logs.entries().filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('holds claims of the types Cognito takes, as the settings give them, within the size limit of each token', async () => {
    const event = eventOf(source, version);

    await runFlow(event, CONFIG);

    const details = event.response.claimsAndScopeOverrideDetails;
    for (const token of ['id', 'access'] as const) {
      const part = token === 'id' ? details?.idTokenGeneration : details?.accessTokenGeneration;
      const claims = part?.claimsToAddOrOverride ?? {};
      expect(new TextEncoder().encode(JSON.stringify(claims)).length).toBeLessThanOrEqual(MAX_ADDED_CLAIMS_BYTES);
      const untaken = Object.entries(claims).filter(([claim, value]) => !cognitoTakes(token, claim, value));
      expect(untaken).toEqual([]);
    }
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toMatchObject(STATIC_CLAIMS);
  });

  it('is a V1_0 answer of string claims for the ID token when the event is version 1', async () => {
    const event = eventOf(source, '1');

    await runFlow(event, CONFIG);

    expect(event.response).not.toHaveProperty('claimsAndScopeOverrideDetails');
    const claims = event.response.claimsOverrideDetails?.claimsToAddOrOverride ?? {};
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
  });
});

describe('the answers of the user sources', () => {
  it.each(FIXTURES_BY_TRIGGER.PreTokenGeneration.filter((source) => source !== 'TokenGeneration_ClientCredentials'))(
    '%s carries the roles, tenant and group scopes in the access token',
    async (source) => {
      const event = loadFixture(source);

      await runFlow(event, CONFIG);

      const access = event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration;
      expect(access?.claimsToAddOrOverride).toMatchObject({ tenant_id: 'acme-logistics', roles: expect.any(Array) });
      expect(access?.scopesToAdd?.length).toBeGreaterThan(0);
    },
  );
});
