import { hideIdTokenClaims } from '@functions/pre-token-generation/steps/hide-id-token-claims';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

describe('hide-id-token-claims', () => {
  it('suppresses the listed claims in the ID token only', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    await runFlow(event, testConfig({ HIDDEN_ID_CLAIMS: 'phone_number,custom:internal_notes' }), [hideIdTokenClaims]);

    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToSuppress: ['phone_number', 'custom:internal_notes'] },
    });
  });

  it('keeps an earlier suppression and lists each claim once', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToSuppress: ['phone_number', 'picture'] },
    };

    await runFlow(event, testConfig({ HIDDEN_ID_CLAIMS: 'phone_number' }), [hideIdTokenClaims]);

    expect(event.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToSuppress).toEqual([
      'phone_number',
      'picture',
    ]);
  });
});
