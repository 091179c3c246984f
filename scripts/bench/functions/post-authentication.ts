import { loadPostAuthenticationConfig } from '@functions/post-authentication/config';
import type * as PostAuthenticationBundle from '@functions/post-authentication/handler';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { defineBenchedFunction } from './benched-function';
import { onboardingStandIns } from './onboarding-stand-ins';

/** A `sub` that is new in every run, in the UUID shape of the fixtures' subs. */
const runSub = (run: number): string => `5a2d9c3e-61f0-70b8-8c4d-${run.toString(16).padStart(12, '0')}`;

/** The fixture's sign-in as a new user's first (no `custom:onboarded`), with `email` or none. */
function firstSignInOf(event: PostAuthenticationTriggerEvent, run: number, email: string | undefined) {
  const sub = runSub(run);
  const { 'custom:onboarded': _onboarded, email: _email, ...attributes } = event.request.userAttributes;
  return {
    ...event,
    userName: sub,
    request: { ...event.request, userAttributes: { ...attributes, sub, ...(email === undefined ? {} : { email }) } },
  };
}

/**
 * postAuthentication: an onboarded user's sign-in (decided from the event: no SDK loaded, no call made), and the
 * first sign-in of a user nobody onboarded (a migrated or invited user), which onboards them — with the welcome email
 * sent from the trigger, and without an email at all, so that the two show what sending inline costs.
 */
export const postAuthentication = defineBenchedFunction({
  loadConfig: loadPostAuthenticationConfig,
  warmHandler: (bundle: typeof PostAuthenticationBundle, config) =>
    bundle.createPostAuthenticationHandler(config, onboardingStandIns()),
  // The packaged stage sets no sender, and without one the onboarding sends no welcome email.
  env: { EMAIL_FROM: 'Example <no-reply@example.com>' },
  paths: {
    'sign-in': {
      what: 'ordinary sign-in of an onboarded user (decided from the event)',
      fixture: 'PostAuthentication_Authentication',
    },
    'first-sign-in': {
      what: 'first sign-in of a migrated or invited user: profile, group, onboarded mark, welcome email',
      fixture: 'PostAuthentication_Authentication',
      floor: 'onboarding',
      event: (event, run) => firstSignInOf(event, run, `migrated.user.${run}@example.com`),
    },
    'first-sign-in-no-email': {
      what: 'the same without an email address: profile, group, onboarded mark (no email sent from the trigger)',
      fixture: 'PostAuthentication_Authentication',
      floor: 'onboarding-without-email',
      event: (event, run) => firstSignInOf(event, run + 1_000_000, undefined),
    },
  },
  cognitoAnswers: { AdminAddUserToGroup: () => ({}), AdminUpdateUserAttributes: () => ({}) },
});
