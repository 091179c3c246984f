import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { PreSignUpConfig } from './config';

/**
 * Whether the public sign-up rules (domain lists, disposable-email blocking) apply to a trigger source.
 * Self sign-ups and first federated sign-ins always pass them; users an administrator creates only when
 * `POLICY_FOR_ADMIN_CREATED_USERS` is on, since an administrator may deliberately add a guest from any domain.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export function publicPolicyApplies(source: PreSignUpTriggerEvent['triggerSource'], config: PreSignUpConfig): boolean {
  switch (source) {
    case 'PreSignUp_SignUp':
    case 'PreSignUp_ExternalProvider':
      return true;
    case 'PreSignUp_AdminCreateUser':
      return config.policyForAdminCreatedUsers;
    default: {
      const unexpected: never = source;
      throw new Error(`Unhandled trigger source ${String(unexpected)}.`);
    }
  }
}
