import { addTenantClaim } from '@functions/pre-token-generation/steps/add-tenant-claim';
import { UserFacingError } from '@shared/errors';
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

  it.each([
    ['en', 'Your account is not part of an organisation yet.'],
    ['fr-CA', 'Votre compte n’appartient encore à aucune organisation.'],
    ['es', 'Tu cuenta aún no pertenece a ninguna organización.'],
    ['de_AT', 'Ihr Konto gehört noch zu keiner Organisation.'],
    ['pt', 'Your account is not part of an organisation yet.'],
  ])('refuses a user without a tenant with usersWithoutTenant: refuse, in their locale %s', async (locale, start) => {
    const event = loadFixture('TokenGeneration_RefreshTokens');
    const attributes = event.request.userAttributes ?? {};
    delete attributes['custom:tenant_id'];
    attributes.locale = locale;

    const refused = runFlow(event, testConfig({ USERS_WITHOUT_TENANT: 'refuse' }), [addTenantClaim]);

    await expect(refused).rejects.toBeInstanceOf(UserFacingError);
    await expect(refused).rejects.toThrow(start);
  });

  it('is off without tenantAttribute', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, testConfig({ TENANT_ATTRIBUTE: '', USERS_WITHOUT_TENANT: 'refuse' }), [addTenantClaim]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
