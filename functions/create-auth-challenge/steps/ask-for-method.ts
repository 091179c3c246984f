import { methodQuestionMetadata } from '@shared/custom-auth/sign-in-method';
import { nodeCrypto } from '@shared/node-crypto';
import type { Step } from '@shared/steps';
import { challengeRound } from '../challenge-round';
import type { CreateAuthChallengeContext } from '../trigger';

/**
 * The first round: asks the app how the user signs in, listing the methods switched on (`methods`, comma-separated).
 * Nothing is sent yet, since Cognito passes InitiateAuth's ClientMetadata to no challenge trigger: the app answers
 * with its method (see docs/flows/custom-auth.md). A random id names this sign-in: in the round's
 * `challengeMetadata`, which Cognito reports to every later round, so that a code or link is given again only to the
 * sign-in it was issued for; and as the private `challengeId`, so that a magic link used to answer it counts as used
 * once however often Cognito retries the verification.
 */
export const askForMethod: Step<CreateAuthChallengeContext> = {
  name: 'ask-for-method',
  enabled: (config) => config.customAuthMethods.length > 0,
  run(context) {
    if (challengeRound(context).step !== 'choose_method') return;
    const { event, config } = context;
    const signInId = nodeCrypto().randomUUID();
    event.response.publicChallengeParameters = { step: 'choose_method', methods: config.customAuthMethods.join(',') };
    event.response.privateChallengeParameters = { step: 'choose_method', challengeId: signInId };
    event.response.challengeMetadata = methodQuestionMetadata(signInId);
  },
};
