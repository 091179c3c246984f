/**
 * Every refusal of the preSignUp flow, through the handler, in every language of the catalog: the user whose
 * `locale` names a language reads the refusal in it, on one line, with the domain they signed up with.
 */
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import type { NativeUsers } from '@functions/pre-sign-up/native-users';
import { inviteCodeDigest } from '@functions/pre-sign-up/steps/require-invite-code';
import { Refusal } from '@shared/errors';
import { type PreSignUpRefusal, preSignUpRefusal } from '@shared/messages/pre-sign-up';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { itReachesTheUserInTheirLanguage, refusalOf } from '@test/helpers/refusals';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { testConfig, unreachableNativeUsers } from './support';

/** A sign-up the flow refuses with one refusal: the settings, the event, and the domain the refusal names. */
interface Scenario {
  env?: Record<string, string>;
  event: () => PreSignUpTriggerEvent;
  nativeUsers?: NativeUsers;
  domain?: string;
}

function withEmail(source: PreSignUpTriggerEvent['triggerSource'], email: string | undefined): PreSignUpTriggerEvent {
  const event = loadFixture(source);
  if (email === undefined) delete event.request.userAttributes['email'];
  else event.request.userAttributes['email'] = email;
  return event;
}

/** The native user a federated sign-in would be linked to, whose link limit is reached. */
const FULLY_LINKED: NativeUsers = {
  withEmail: async () => [
    {
      username: 'native-user',
      status: 'CONFIRMED',
      createdAt: new Date('2026-01-05T10:00:00Z'),
      attributes: { sub: 'native-user', email: 'tariq.benali@example.com', email_verified: 'true' },
    },
  ],
  link: async () => 'link-limit-reached',
};

const SCENARIOS: Record<PreSignUpRefusal, Scenario> = {
  'invalid-email': { event: () => withEmail('PreSignUp_SignUp', 'jonas@@example.com') },
  'invalid-email-of-new-user': { event: () => withEmail('PreSignUp_AdminCreateUser', 'noor.haddad') },
  'invalid-provider-email': { event: () => withEmail('PreSignUp_ExternalProvider', 'tariq.benali@') },
  'denied-domain': {
    env: { DENIED_EMAIL_DOMAINS: 'example.com' },
    event: () => loadFixture('PreSignUp_SignUp'),
    domain: 'example.com',
  },
  'email-required': {
    env: { ALLOWED_EMAIL_DOMAINS: 'corp.example' },
    event: () => withEmail('PreSignUp_SignUp', undefined),
  },
  'domain-not-allowed': {
    env: { ALLOWED_EMAIL_DOMAINS: 'corp.example' },
    event: () => loadFixture('PreSignUp_SignUp'),
    domain: 'example.com',
  },
  'disposable-domain': {
    env: { BLOCK_DISPOSABLE_EMAIL: 'true' },
    event: () => withEmail('PreSignUp_SignUp', 'jonas@mailinator.com'),
    domain: 'mailinator.com',
  },
  'invite-code-required': {
    env: { INVITE_CODE_SHA256: inviteCodeDigest('SPRING-2026') },
    event: () => loadFixture('PreSignUp_SignUp'),
  },
  'invite-code-invalid': {
    env: { INVITE_CODE_SHA256: inviteCodeDigest('SPRING-2026') },
    event: () => {
      const event = loadFixture('PreSignUp_SignUp');
      event.request.validationData = { inviteCode: 'SPRING-2025' };
      return event;
    },
  },
  'provider-limit-reached': { event: () => loadFixture('PreSignUp_ExternalProvider'), nativeUsers: FULLY_LINKED },
};

captureStdoutLogsOfEachTest();

describe.each(Object.keys(SCENARIOS) as PreSignUpRefusal[])('the %s refusal', (name) => {
  const scenario = SCENARIOS[name];
  const expected = new Refusal(preSignUpRefusal(name), scenario.domain ? { domain: scenario.domain } : {});

  itReachesTheUserInTheirLanguage(
    expected,
    (locale) => {
      const handler = createPreSignUpHandler(testConfig(scenario.env), {
        nativeUsers: scenario.nativeUsers ?? unreachableNativeUsers(),
      });
      const event = scenario.event();
      if (locale !== undefined) event.request.userAttributes['locale'] = locale;
      return refusalOf(handler(event, lambdaContext()), name);
    },
    scenario.domain,
  );
});
