import type { Step } from '@shared/steps';
import { providerVerifiedEmail } from '../federated-identity';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/**
 * Marks a federated user's email verified when the identity provider verified it (see
 * {@link providerVerifiedEmail}), so the user can receive password-reset and attribute-change codes. Switched
 * by `VERIFY_FEDERATED_EMAIL`. When the sign-up was linked to a native user, Cognito signs in as that user and
 * this answer has no effect.
 */
export const verifyFederatedEmail: Step<PreSignUpContext> = {
  name: 'verify-federated-email',
  sources: ['PreSignUp_ExternalProvider'],
  enabled: (config) => config.verifyFederatedEmail,
  run({ event, config }) {
    if (requestEmail(event).status === 'valid' && providerVerifiedEmail(event, config)) {
      event.response.autoVerifyEmail = true;
    }
  },
};
