import { addGroupScopes } from '@functions/pre-token-generation/steps/add-group-scopes';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

describe('add-group-scopes', () => {
  it("adds the scopes of the user's groups to the access token only", async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    const config = testConfig({
      GROUP_SCOPES: 'admins:orders/admin,users:orders/read,admins:https://api.example.com/all',
    });

    await runFlow(event, config, [addGroupScopes]);

    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { scopesToAdd: ['orders/admin', 'https://api.example.com/all', 'orders/read'] },
    });
  });

  it('adds nothing for a user without a mapped group', async () => {
    const event = loadFixture('TokenGeneration_NewPasswordChallenge');

    await runFlow(event, testConfig({ GROUP_SCOPES: 'admins:orders/admin' }), [addGroupScopes]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
