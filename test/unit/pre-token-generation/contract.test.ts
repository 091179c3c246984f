/*
 * The contract over every trigger source: whatever the steps write for a fixture's user or machine client, the
 * answer never touches a reserved claim, holds only values Cognito takes, fits the size limit, and is the shape of
 * the event's version.
 */
import { brokenRules } from '@functions/pre-token-generation/response-check';
import { MAX_ADDED_CLAIMS_BYTES, RESERVED_CLAIMS } from '@functions/pre-token-generation/token-contract';
import { FIXTURES_BY_TRIGGER, loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from './support';

/** Every step on, the tenant at the longest a custom attribute can be (2,048 characters). */
const CONFIG = testConfig({ GROUP_SCOPES: 'admins:orders/admin,users:orders/read' });
const LONGEST_TENANT = 't'.repeat(2_048);

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

  it('holds claims of the types Cognito takes, within the size limit of each token', async () => {
    const event = eventOf(source, version);

    await runFlow(event, CONFIG);

    const details = event.response.claimsAndScopeOverrideDetails;
    for (const part of [details?.idTokenGeneration, details?.accessTokenGeneration]) {
      const claims = part?.claimsToAddOrOverride ?? {};
      expect(new TextEncoder().encode(JSON.stringify(claims)).length).toBeLessThanOrEqual(MAX_ADDED_CLAIMS_BYTES);
      for (const value of Object.values(claims))
        expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
    }
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
