import { defineFunction } from '@resources/service/function-declaration';
import { DEFINE_AUTH_CHALLENGE } from './trigger';

/** The defineAuthChallenge function: the rounds of a passwordless sign-in, decided from the event alone. */
export const DEFINE_AUTH_CHALLENGE_FUNCTION = defineFunction({
  name: 'defineAuthChallenge',
  description: 'Rounds of a passwordless sign-in: method, code or link, at most three wrong answers',
  trigger: DEFINE_AUTH_CHALLENGE,
  parameters: ['customAuthMethods'],
  bundleBudgetBytes: 35_000,
});
