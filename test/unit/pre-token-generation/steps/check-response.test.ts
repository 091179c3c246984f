import { checkResponse } from '@functions/pre-token-generation/steps/check-response';
import { Refusal } from '@shared/errors';
import { preTokenGenerationRefusal } from '@shared/messages/pre-token-generation';
import { loadFixture } from '@test/helpers/fixtures';
import { runFlow, testConfig } from '../support';

describe('check-response', () => {
  it('lets a valid answer through unchanged, logging nothing', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    const answer = {
      idTokenGeneration: {
        claimsToAddOrOverride: { roles: ['admin'], org: { id: 7 } },
        claimsToSuppress: ['phone_number'],
      },
      accessTokenGeneration: { claimsToAddOrOverride: { roles: ['admin'] }, scopesToAdd: ['orders/admin'] },
    };
    event.response.claimsAndScopeOverrideDetails = structuredClone(answer);

    const logs = await runFlow(event, testConfig(), [checkResponse]);

    expect(event.response.claimsAndScopeOverrideDetails).toEqual(answer);
    expect(logs.lines).toEqual([expect.stringContaining('Running step')]);
  });

  it('drops the whole answer that breaks a rule and logs each rule with the claim, never the value', async () => {
    const event = loadFixture('TokenGeneration_RefreshTokens');
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToAddOrOverride: { roles: ['admin'], email_verified: { secret: 'x' } } },
      accessTokenGeneration: { claimsToSuppress: ['exp'], scopesToAdd: ['orders admin'] },
    };

    const logs = await runFlow(event, testConfig(), [checkResponse]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
    const error = logs.entries().find((entry) => entry.level === 'error');
    expect(error).toMatchObject({
      message: 'Token claims failed the response check; Cognito issues its tokens unchanged',
      violations: [
        { rule: 'claim-type', part: 'id', name: 'email_verified' },
        { rule: 'reserved-claim', part: 'access', name: 'exp' },
        { rule: 'scope-format', part: 'access', name: 'orders admin' },
      ],
    });
    expect(JSON.stringify(error)).not.toContain('secret');
  });

  it('refuses the sign-in when the dropped answer held a required claim', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: 'acme', sub: 'someone-else' } },
    };

    const refused = runFlow(event, testConfig({ REQUIRED_CLAIMS: 'tenant_id' }), [checkResponse]);

    await expect(refused).rejects.toEqual(new Refusal(preTokenGenerationRefusal('required-claim-lost')));
    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });

  it('does not refuse for a required claim the dropped answer did not hold', async () => {
    const event = loadFixture('TokenGeneration_Authentication');
    event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { claimsToAddOrOverride: { iss: 'x' } } };

    await runFlow(event, testConfig({ REQUIRED_CLAIMS: 'tenant_id' }), [checkResponse]);

    expect(event.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
