import { answerInEventVersion } from '@functions/pre-token-generation/steps/answer-in-event-version';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

describe('answer-in-event-version', () => {
  it('answers a V1_0 event with the ID token changes, non-string values as JSON text, and no access token part', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    event.version = '1';

    await runFlow(event, testConfig({ GROUP_SCOPES: 'admins:orders/admin' }));

    expect(event.response).toEqual({
      claimsOverrideDetails: {
        claimsToAddOrOverride: {
          tenant_id: 'acme-logistics',
          roles: '["admin","auditor","member"]',
          plan: 'standard',
          app: 'web',
        },
        claimsToSuppress: ['phone_number', 'custom:internal_notes'],
      },
    });
  });

  it('answers a V1_0 event that changes nothing with no claims override', async () => {
    const event = loadFixture('TokenGeneration_HostedAuth');
    event.version = '1';

    await runFlow(event, testConfig(), [answerInEventVersion]);

    expect(event.response).toEqual({});
  });

  it('leaves a V2_0 answer as it is', async () => {
    const event = loadFixture('TokenGeneration_HostedAuth');
    event.response.claimsAndScopeOverrideDetails = { idTokenGeneration: { claimsToAddOrOverride: { n: 1 } } };

    await runFlow(event, testConfig(), [answerInEventVersion]);

    expect(event.response).toEqual({
      claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { n: 1 } } },
    });
  });
});
