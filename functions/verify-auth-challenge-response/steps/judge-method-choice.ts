import { isSignInMethod, SIGN_IN_METHOD_KEY } from '@shared/custom-auth/sign-in-method';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import type { Step } from '@shared/steps';
import { checkMagicLink } from '../answers';
import type { VerifyAuthChallengeResponseContext } from '../trigger';

/**
 * The answer to the first round, which asks for the method (`ClientMetadata.signInMethod`). Naming a method that is
 * switched on asks for its code or link: not a proof, so the answer is "wrong" and the next round sends it. With
 * `magic_link`, any other answer is a link's token: a valid one signs in at once, any other is refused with what to
 * do. A method that is not switched on is refused.
 */
export const judgeMethodChoice: Step<VerifyAuthChallengeResponseContext> = {
  name: 'judge-method-choice',
  enabled: (config) => config.customAuthMethods.length > 0,
  async run(context) {
    const { event, config, reject } = context;
    const { privateChallengeParameters: challenge, challengeAnswer: answer } = event.request;
    if (challenge['step'] !== 'choose_method') return;
    const method = event.request.clientMetadata?.[SIGN_IN_METHOD_KEY];
    if (!isSignInMethod(method) || !config.customAuthMethods.includes(method)) {
      return reject(customAuthRefusal('method-unavailable'));
    }
    if (method === 'magic_link' && answer.trim() !== method) {
      event.response.answerCorrect = await checkMagicLink(context, answer, challenge['challengeId'] ?? '');
    }
  },
};
