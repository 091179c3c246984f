import { addTenantClaim } from '@functions/pre-token-generation/steps/add-tenant-claim';
import { Refusal } from '@shared/errors';
import { preTokenGenerationRefusal } from '@shared/messages/pre-token-generation';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

describe('add-tenant-claim', () => {
  it('copies the tenant attribute into both tokens as the tenant claim', async () => {
    const event = loadFixture('TokenGeneration_HostedAuth');

    await runFlow(event, testConfig({ TENANT_CLAIM: 'org' }), [addTenantClaim]);

    const details = event.response.claimsAndScopeOverrideDetails;
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ org: 'acme-logistics' });
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ org: 'acme-logistics' });
  });

  it('omits the claim for a user without a tenant (blank counts as none), and logs the attribute name', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    if (event.request.userAttributes) event.request.userAttributes['custom:tenant_id'] = '  ';

    const logs = await runFlow(event, testConfig(), [addTenantClaim]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
    expect(logs.entries()).toContainEqual(expect.objectContaining({ attribute: 'custom:tenant_id', level: 'info' }));
  });

  it('refuses a user without a tenant with usersWithoutTenant: refuse, with the no-tenant refusal', async () => {
    const event = loadFixture('TokenGeneration_RefreshTokens');
    delete event.request.userAttributes?.['custom:tenant_id'];

    const refused = runFlow(event, testConfig({ USERS_WITHOUT_TENANT: 'refuse' }), [addTenantClaim]);

    await expect(refused).rejects.toEqual(new Refusal(preTokenGenerationRefusal('no-tenant')));
  });

  it('is off without tenantAttribute', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, testConfig({ TENANT_ATTRIBUTE: '', USERS_WITHOUT_TENANT: 'refuse' }), [addTenantClaim]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
