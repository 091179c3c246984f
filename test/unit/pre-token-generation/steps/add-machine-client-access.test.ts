import { addMachineClientAccess } from '@functions/pre-token-generation/steps/add-machine-client-access';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

const MACHINE = '7h2q9c5w1m8x4b6n3t0v2k7r1p';

describe('add-machine-client-access', () => {
  it("adds every machine client's and the client's own scopes and claims to its access token", async () => {
    const event = loadFixture('TokenGeneration_ClientCredentials');
    const tokens = {
      '*': { scopes: ['orders/read'], claims: { partner: 'acme' } },
      [MACHINE]: { scopes: ['orders/write'], claims: { tier: 2 } },
    };

    await runFlow(event, testConfig({ MACHINE_CLIENT_ACCESS: JSON.stringify(tokens) }), [addMachineClientAccess]);

    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: { partner: 'acme', tier: 2 },
        scopesToAdd: ['orders/read', 'orders/write'],
      },
    });
  });

  it('never runs for a user token', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, testConfig(), [addMachineClientAccess]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
