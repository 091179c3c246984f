/**
 * Every refusal of the preTokenGeneration flow, through the handler, in every language of the catalog: the user
 * whose `locale` names a language reads the refusal in it.
 */
import { PRE_TOKEN_GENERATION_STEPS } from '@functions/pre-token-generation/steps';
import { addClaims } from '@functions/pre-token-generation/token-changes';
import type { PreTokenGenerationEvent } from '@functions/pre-token-generation/token-event';
import { PRE_TOKEN_GENERATION, type PreTokenGenerationContext } from '@functions/pre-token-generation/trigger';
import { Refusal, UserFacingError } from '@shared/errors';
import { createFlowHandler } from '@shared/handler';
import { LANGUAGES } from '@shared/messages/languages';
import { type PreTokenGenerationRefusal, preTokenGenerationRefusal } from '@shared/messages/pre-token-generation';
import type { Step } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { testConfig } from './support';

/** A team's own step that sets a reserved claim, so the response check drops the answer. */
const overrideIssuer: Step<PreTokenGenerationContext> = {
  name: 'override-issuer',
  run({ event }) {
    addClaims(event, ['access'], { iss: 'https://elsewhere.example.com' });
  },
};

/** How each refusal comes about: the settings, the steps, and the event's user. */
const SCENARIOS: Record<
  PreTokenGenerationRefusal,
  { env: Record<string, string>; steps: Step<PreTokenGenerationContext>[] }
> = {
  'no-tenant': { env: { USERS_WITHOUT_TENANT: 'refuse' }, steps: [...PRE_TOKEN_GENERATION_STEPS] },
  'required-claim-lost': {
    env: { REQUIRED_CLAIMS: 'tenant_id' },
    steps: [overrideIssuer, ...PRE_TOKEN_GENERATION_STEPS],
  },
};

function eventFor(refusal: PreTokenGenerationRefusal, locale: string): PreTokenGenerationEvent {
  const event = loadFixture('TokenGeneration_Authentication');
  const attributes = event.request.userAttributes ?? {};
  attributes.locale = locale;
  if (refusal === 'no-tenant') delete attributes['custom:tenant_id'];
  return event;
}

captureStdoutLogsOfEachTest();
const CASES = (Object.keys(SCENARIOS) as PreTokenGenerationRefusal[]).flatMap((refusal) =>
  LANGUAGES.map((language) => [refusal, language] as const),
);

describe.each(CASES)('the %s refusal in %s', (refusal, language) => {
  it('reaches the user in their language, as the catalog has it', async () => {
    const { env, steps } = SCENARIOS[refusal];
    const handler = createFlowHandler(PRE_TOKEN_GENERATION, steps, testConfig(env), {});

    const refused = handler(eventFor(refusal, `${language}-XX`), lambdaContext());

    await expect(refused).rejects.toEqual(
      new UserFacingError(new Refusal(preTokenGenerationRefusal(refusal)).inLanguage(language)),
    );
  });
});
