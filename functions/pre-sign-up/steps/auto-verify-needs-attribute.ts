import type { Step } from '@shared/steps';
import type { PreSignUpContext } from '../trigger';

function present(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/**
 * Cognito fails the whole sign-up when `autoVerifyEmail` is set without an `email` attribute, or
 * `autoVerifyPhone` without `phone_number`. Runs last and clears such a flag, whichever step set it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export const autoVerifyNeedsAttribute: Step<PreSignUpContext> = {
  name: 'auto-verify-needs-attribute',
  run({ event, logger }) {
    const { userAttributes } = event.request;
    if (event.response.autoVerifyEmail && !present(userAttributes['email'])) {
      event.response.autoVerifyEmail = false;
      logger.warn('Cleared autoVerifyEmail: the request has no email attribute');
    }
    if (event.response.autoVerifyPhone && !present(userAttributes['phone_number'])) {
      event.response.autoVerifyPhone = false;
      logger.warn('Cleared autoVerifyPhone: the request has no phone_number attribute');
    }
  },
};
