import { loadCreateAuthChallengeConfig } from '@functions/create-auth-challenge/config';
import type * as CreateAuthChallengeBundle from '@functions/create-auth-challenge/handler';
import { defineBenchedFunction, responseWith } from './benched-function';

/** A user name that is new in every run, so that each run issues and sends a new code. */
const runUser = (run: number): string => `5d2e8a41-3c7b-70f9-8e1d-${run.toString(16).padStart(12, '0')}`;

/** createAuthChallenge: the round after the user chose the email code issues a code and sends it. */
export const createAuthChallenge = defineBenchedFunction({
  loadConfig: loadCreateAuthChallengeConfig,
  warmHandler: (bundle: typeof CreateAuthChallengeBundle, config) =>
    bundle.createCreateAuthChallengeHandler(config, {
      signIns: {
        read: async () => undefined,
        issue: async () => true,
        claim: async () => true,
        complete: async () => true,
        release: async () => undefined,
      },
      mailer: { send: async () => undefined, pretend: async () => undefined },
      signingKey: { bytes: async () => Buffer.alloc(32) },
      now: () => new Date(),
    }),
  // The packaged stage has passwordless sign-in off and no sender.
  env: { CUSTOM_AUTH_METHODS: 'email_code,magic_link', EMAIL_FROM: 'Example <no-reply@example.com>' },
  paths: {
    'email-code': {
      what: 'code issued and emailed',
      fixture: 'CreateAuthChallenge_Authentication',
      state: 'email-code',
      floor: 'create-auth-challenge',
      event: (event, run) => ({
        ...event,
        userName: runUser(run),
        request: {
          ...event.request,
          userAttributes: { ...event.request.userAttributes, sub: runUser(run), email: `code.user.${run}@example.com` },
        },
      }),
      check: responseWith('challengeMetadata', 'email_code', (value) => value === 'email_code'),
    },
  },
});
