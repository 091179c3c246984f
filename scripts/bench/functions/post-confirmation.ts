import { loadPostConfirmationConfig } from '@functions/post-confirmation/config';
import type * as PostConfirmationBundle from '@functions/post-confirmation/handler';
import { defineBenchedFunction } from './benched-function';
import { onboardingStandIns } from './onboarding-stand-ins';

/** A `sub` that is new in every run, in the UUID shape of the fixtures' subs. */
const runSub = (run: number): string => `0b5e1c2a-7d31-70f4-9e2b-${run.toString(16).padStart(12, '0')}`;

/** postConfirmation: a confirmed sign-up creates the profile, adds the default group and sends the welcome email. */
export const postConfirmation = defineBenchedFunction({
  loadConfig: loadPostConfirmationConfig,
  warmHandler: (bundle: typeof PostConfirmationBundle, config) =>
    bundle.createPostConfirmationHandler(config, onboardingStandIns()),
  // The packaged stage sets no sender, and without one postConfirmation sends no welcome email.
  env: { EMAIL_FROM: 'Example <no-reply@example.com>' },
  paths: {
    'sign-up': {
      what: 'confirmed sign-up: profile, group, onboarded mark, welcome email',
      fixture: 'PostConfirmation_ConfirmSignUp',
      floor: 'onboarding',
      event: (event, run) => {
        const sub = runSub(run);
        return {
          ...event,
          userName: sub,
          request: {
            ...event.request,
            userAttributes: { ...event.request.userAttributes, sub, email: `new.user.${run}@example.com` },
          },
        };
      },
    },
  },
  cognitoAnswers: { AdminAddUserToGroup: () => ({}), AdminUpdateUserAttributes: () => ({}) },
});
