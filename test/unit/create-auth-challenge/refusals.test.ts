/**
 * Every refusal of the createAuthChallenge flow, through the handler, in every language of the catalog: the user
 * whose `locale` names a language reads the refusal in it, on one line, with the minutes to wait where it has them.
 */
import { randomUUID } from 'node:crypto';
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import { methodQuestionMetadata } from '@shared/custom-auth/sign-in-method';
import { Refusal } from '@shared/errors';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { itReachesTheUserInTheirLanguage, refusalOf } from '@test/helpers/refusals';
import { fakeDependencies, testConfig } from './support';

const SOURCE = 'CreateAuthChallenge_Authentication';

captureStdoutLogsOfEachTest();

describe('the method-unavailable refusal', () => {
  itReachesTheUserInTheirLanguage(new Refusal(customAuthRefusal('method-unavailable')), (locale) => {
    const handler = createCreateAuthChallengeHandler(
      testConfig({ CUSTOM_AUTH_METHODS: 'email_code' }),
      fakeDependencies(),
    );
    const event = loadFixture(SOURCE, 'magic-link');
    if (locale !== undefined) event.request.userAttributes['locale'] = locale;
    return refusalOf(handler(event, lambdaContext()), 'method-unavailable');
  });
});

describe('the too-many-emails refusal', () => {
  const allowed = testConfig().signInEmailsPerWindow;

  itReachesTheUserInTheirLanguage(
    new Refusal(customAuthRefusal('too-many-emails'), { minutes: '15' }),
    async (locale) => {
      const dependencies = fakeDependencies();
      const handler = createCreateAuthChallengeHandler(
        testConfig({ SIGN_IN_EMAIL_WINDOW_SECONDS: '900' }),
        dependencies,
      );
      const askForACode = () => {
        // Each request from a sign-in of its own, so that each sends a new code and counts against the window.
        const event = loadFixture(SOURCE, 'email-code');
        const [methodQuestion] = event.request.session;
        if (methodQuestion !== undefined) methodQuestion.challengeMetadata = methodQuestionMetadata(randomUUID());
        if (locale !== undefined) event.request.userAttributes['locale'] = locale;
        return handler(event, lambdaContext());
      };
      for (let sent = 0; sent < allowed; sent += 1) await askForACode();

      return refusalOf(askForACode(), 'too-many-emails');
    },
    '15',
  );
});
