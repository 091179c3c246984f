import { createPreTokenGenerationHandler } from '@functions/pre-token-generation/handler';
import type { PreTokenGenerationEvent } from '@functions/pre-token-generation/token-event';
import { InvalidEventError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { testConfig } from './support';

captureStdoutLogsOfEachTest();

const handler = createPreTokenGenerationHandler(testConfig());
const invoke = (event: unknown) => handler(event as PreTokenGenerationEvent, lambdaContext());

describe('the preTokenGeneration handler', () => {
  it('answers a sign-in with both tokens’ claims and the group scopes, returning the event', async () => {
    const event = loadFixture('TokenGeneration_Authentication');

    const answer = await invoke(event);

    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: {
        claimsToAddOrOverride: {
          tenant_id: 'acme-logistics',
          roles: ['admin', 'auditor', 'member'],
          plan: 'standard',
          app: 'web',
        },
        claimsToSuppress: ['phone_number', 'custom:internal_notes'],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          tenant_id: 'acme-logistics',
          roles: ['admin', 'auditor', 'member'],
          plan: 'standard',
          app: 'web',
        },
        scopesToAdd: ['orders/admin'],
      },
    });
  });

  it('answers a machine token with its scopes and claims only', async () => {
    const answer = await invoke(loadFixture('TokenGeneration_ClientCredentials'));

    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { partner: 'acme' }, scopesToAdd: ['orders/write'] },
    });
  });

  it('answers the same event the same way on every delivery', async () => {
    const event = loadFixture('TokenGeneration_RefreshTokens');

    const sequential = [await invoke(structuredClone(event)), await invoke(structuredClone(event))];
    const concurrent = await Promise.all([1, 2, 3].map(() => invoke(structuredClone(event))));

    expect(new Set([...sequential, ...concurrent].map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it('refuses a malformed request, naming the field', async () => {
    const event = loadFixture('TokenGeneration_Authentication') as unknown as Record<string, Record<string, unknown>>;
    event.request = { ...event.request, groupConfiguration: { groupsToOverride: 'admins' } };

    await expect(invoke(event)).rejects.toEqual(
      new InvalidEventError(
        'Invalid PreTokenGeneration event: request.groupConfiguration.groupsToOverride must be an array or null.',
      ),
    );
  });

  it('refuses an event of another trigger', async () => {
    await expect(invoke(loadFixture('PreSignUp_SignUp'))).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('replaces a response part that is not an object instead of failing on it', async () => {
    const event = loadFixture('TokenGeneration_HostedAuth') as unknown as { response: Record<string, unknown> };
    event.response.claimsAndScopeOverrideDetails = 'unexpected';

    const answer = await invoke(event);

    expect(answer.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toMatchObject({
      tenant_id: 'acme-logistics',
    });
  });
});

describe('an event without callerContext', () => {
  it("gets every client's claims only, not a failure", async () => {
    const event = loadFixture('TokenGeneration_Authentication') as unknown as Record<string, unknown>;
    delete event.callerContext;

    const answer = await invoke(event);

    expect(answer.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toMatchObject({
      plan: 'standard',
    });
    expect(
      answer.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
    ).not.toHaveProperty('app');
  });
});
