import { loadDefineAuthChallengeConfig } from '@functions/define-auth-challenge/config';
import type * as DefineAuthChallengeBundle from '@functions/define-auth-challenge/handler';
import { defineBenchedFunction, responseWith } from './benched-function';

/** defineAuthChallenge calls no AWS service: it decides a round from the session alone. */
export const defineAuthChallenge = defineBenchedFunction({
  loadConfig: loadDefineAuthChallengeConfig,
  warmHandler: (bundle: typeof DefineAuthChallengeBundle, config) => bundle.createDefineAuthChallengeHandler(config),
  // The packaged stage has passwordless sign-in off.
  env: { CUSTOM_AUTH_METHODS: 'email_code,magic_link' },
  paths: {
    'wrong-answer': {
      what: 'next round after a wrong code',
      fixture: 'DefineAuthChallenge_Authentication',
      state: 'wrong-answer',
      check: responseWith('challengeName', 'CUSTOM_CHALLENGE', (value) => value === 'CUSTOM_CHALLENGE'),
    },
  },
});
