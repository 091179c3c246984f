/**
 * Every refusal of the verifyAuthChallengeResponse flow, through the handler, in every language of the catalog: the
 * user whose `locale` names a language reads the refusal in it, on one line. (`too-many-emails` is
 * createAuthChallenge's: its test is beside that flow's.)
 */
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import { Refusal } from '@shared/errors';
import { type CustomAuthRefusal, customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { itReachesTheUserInTheirLanguage, refusalOf } from '@test/helpers/refusals';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { fakeDependencies, linkToken, NOW, testConfig } from './support';

/** The refusals of this flow. */
type VerifyRefusal = Exclude<CustomAuthRefusal, 'too-many-emails'>;

/** An answer the flow refuses with one refusal: the settings, the event, and the links other sign-ins used. */
interface Scenario {
  env?: Record<string, string>;
  event: () => VerifyAuthChallengeResponseTriggerEvent;
  usedByAnotherSignIn?: string;
}

/** The first round answered with a magic link's token `answer`. */
function linkAnswer(answer: string): VerifyAuthChallengeResponseTriggerEvent {
  const event = loadFixture('VerifyAuthChallengeResponse_Authentication', 'magic-link');
  event.request.challengeAnswer = answer;
  return event;
}

const SCENARIOS: Record<VerifyRefusal, Scenario> = {
  'method-unavailable': {
    env: { CUSTOM_AUTH_METHODS: 'email_code' },
    event: () => linkAnswer(linkToken()),
  },
  'link-expired': { event: () => linkAnswer(linkToken({ expiresAt: Math.floor(NOW.getTime() / 1000) })) },
  'link-invalid': { event: () => linkAnswer(linkToken({ userName: 'someone-else' })) },
  'link-used': { event: () => linkAnswer(linkToken()), usedByAnotherSignIn: 'bGluay1vbmU' },
};

captureStdoutLogsOfEachTest();

describe.each(Object.keys(SCENARIOS) as VerifyRefusal[])('the %s refusal', (name) => {
  const scenario = SCENARIOS[name];

  itReachesTheUserInTheirLanguage(new Refusal(customAuthRefusal(name)), (locale) => {
    const dependencies = fakeDependencies();
    if (scenario.usedByAnotherSignIn !== undefined) {
      dependencies.usedLinks.usedBy.set(scenario.usedByAnotherSignIn, 'another-sign-in');
    }
    const handler = createVerifyAuthChallengeResponseHandler(testConfig(scenario.env), dependencies);
    const event = scenario.event();
    if (locale !== undefined) event.request.userAttributes['locale'] = locale;
    return refusalOf(handler(event, lambdaContext()), name);
  });
});
