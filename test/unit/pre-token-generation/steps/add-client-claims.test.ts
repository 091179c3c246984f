import { addClientClaims } from '@functions/pre-token-generation/steps/add-client-claims';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig, WEB_CLIENT } from '../support';

const CLIENT_CLAIMS = JSON.stringify({
  '*': { plan: 'standard', features: ['search'] },
  [WEB_CLIENT]: { plan: 'pro', app: { name: 'web', version: 3 } },
});

describe('add-client-claims', () => {
  it("adds the client's claims over every client's to both tokens, JSON values as they are", async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, testConfig({ CLIENT_CLAIMS }), [addClientClaims]);

    const expected = { plan: 'pro', features: ['search'], app: { name: 'web', version: 3 } };
    const details = event.response.claimsAndScopeOverrideDetails;
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual(expected);
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual(expected);
  });

  it("gives another client only every client's claims", async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    event.callerContext.clientId = 'another0client0id0000000000';

    await runFlow(event, testConfig({ CLIENT_CLAIMS }), [addClientClaims]);

    expect(event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      plan: 'standard',
      features: ['search'],
    });
  });
});
