import { loadPostAuthenticationConfig } from '@functions/post-authentication/config';
import type * as PostAuthenticationBundle from '@functions/post-authentication/handler';
import { defineBenchedFunction } from './benched-function';
import { onboardingStandIns } from './onboarding-stand-ins';

/** A `sub` that is new in every run, in the UUID shape of the fixtures' subs. */
const runSub = (run: number): string => `5a2d9c3e-61f0-70b8-8c4d-${run.toString(16).padStart(12, '0')}`;

/**
 * postAuthentication: an onboarded user's sign-in (decided from the event: no SDK loaded, no call made), and the
 * first sign-in of a user nobody onboarded (a migrated or invited user), which onboards them.
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
      event: (event, run) => {
        const sub = runSub(run);
        const { 'custom:onboarded': _onboarded, ...attributes } = event.request.userAttributes;
        return {
          ...event,
          userName: sub,
          request: {
            ...event.request,
            userAttributes: { ...attributes, sub, email: `migrated.user.${run}@example.com` },
          },
        };
      },
    },
  },
  cognitoAnswers: { AdminAddUserToGroup: () => ({}), AdminUpdateUserAttributes: () => ({}) },
});
