import { mapGroupsToRoles, rolesOf } from '@functions/pre-token-generation/steps/map-groups-to-roles';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

const ROLES_ONLY = testConfig({ GROUP_ROLES: 'admins:admin,admins:auditor,users:member' });

describe('map-groups-to-roles', () => {
  it('writes the roles of every group of the user, once each, as an array claim of both tokens', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, ROLES_ONLY, [mapGroupsToRoles]);

    const details = event.response.claimsAndScopeOverrideDetails;
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ roles: ['admin', 'auditor', 'member'] });
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ roles: ['admin', 'auditor', 'member'] });
  });

  it('names the claim after rolesClaim', async () => {
    const event = loadFixture('TokenGeneration_RefreshTokens');

    await runFlow(event, testConfig({ ROLES_CLAIM: 'https://example.com/roles' }), [mapGroupsToRoles]);

    expect(event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      'https://example.com/roles': ['admin', 'auditor', 'member'],
    });
  });

  it('writes no claim for a user in no mapped group, nor for one without groupConfiguration', async () => {
    const unmapped = loadFixture('TokenGeneration_HostedAuth');
    unmapped.request.groupConfiguration = {
      groupsToOverride: ['contractors'],
      iamRolesToOverride: [],
      preferredRole: null,
    };
    const without = loadFixture('TokenGeneration_HostedAuth');
    without.request.groupConfiguration = null;

    await runFlow(unmapped, ROLES_ONLY, [mapGroupsToRoles]);
    await runFlow(without, ROLES_ONLY, [mapGroupsToRoles]);

    expect(unmapped.response.claimsAndScopeOverrideDetails).toBeNull();
    expect(without.response.claimsAndScopeOverrideDetails).toBeNull();
  });

  it('is off without groupRoles, and never runs for a machine token', async () => {
    const user = loadFixture('TokenGeneration_Authentication');
    const machine = loadFixture('TokenGeneration_ClientCredentials');
    machine.request.groupConfiguration = { groupsToOverride: ['admins'] };

    await runFlow(user, testConfig({ GROUP_ROLES: '' }), [mapGroupsToRoles]);
    await runFlow(machine, ROLES_ONLY, [mapGroupsToRoles]);

    expect(user.response.claimsAndScopeOverrideDetails).toBeNull();
    expect(machine.response.claimsAndScopeOverrideDetails).toBeNull();
  });

  it('keeps the order of the groups, then of the pairs', () => {
    const pairs = new Map([
      ['users', ['member']],
      ['admins', ['admin', 'member']],
    ]);

    expect(rolesOf(['admins', 'users', 'unknown'], pairs)).toEqual(['admin', 'member']);
  });
});
