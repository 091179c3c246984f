import { loadVerifyAuthChallengeResponseConfig } from '@functions/verify-auth-challenge-response/config';
import type * as VerifyAuthChallengeResponseBundle from '@functions/verify-auth-challenge-response/handler';
import { defineBenchedFunction, responseWith } from './benched-function';

/** verifyAuthChallengeResponse judges a code from the private challenge parameters alone: no AWS service. */
export const verifyAuthChallengeResponse = defineBenchedFunction({
  loadConfig: loadVerifyAuthChallengeResponseConfig,
  warmHandler: (bundle: typeof VerifyAuthChallengeResponseBundle, config) =>
    bundle.createVerifyAuthChallengeResponseHandler(config, {
      usedLinks: { use: async () => true },
      signingKey: { bytes: async () => Buffer.alloc(32) },
      now: () => new Date(),
    }),
  // The packaged stage has passwordless sign-in off.
  env: { CUSTOM_AUTH_METHODS: 'email_code,magic_link' },
  paths: {
    'email-code': {
      what: 'right sign-in code',
      fixture: 'VerifyAuthChallengeResponse_Authentication',
      state: 'email-code',
      check: responseWith('answerCorrect', 'true', (value) => value === true),
    },
  },
});
