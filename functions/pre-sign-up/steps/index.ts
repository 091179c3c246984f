import type { Step } from '@shared/steps';
import type { PreSignUpContext } from '../trigger';
import { allowListedDomains } from './allow-listed-domains';
import { autoConfirmTrustedDomains } from './auto-confirm-trusted-domains';
import { autoVerifyNeedsAttribute } from './auto-verify-needs-attribute';
import { blockDisposableEmail } from './block-disposable-email';
import { denyListedDomains } from './deny-listed-domains';
import { linkFederatedUser } from './link-federated-user';
import { requireInviteCode } from './require-invite-code';
import { validateEmail } from './validate-email';
import { verifyFederatedEmail } from './verify-federated-email';

/**
 * The PreSignUp flow: its steps, in the order they run. Add a rule as a step file and a line here: refusals
 * before `link-federated-user` (a refused sign-up must not be linked), response changes before
 * `auto-verify-needs-attribute` (which must stay last).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export const PRE_SIGN_UP_STEPS: readonly Step<PreSignUpContext>[] = [
  validateEmail,
  denyListedDomains,
  allowListedDomains,
  blockDisposableEmail,
  requireInviteCode,
  linkFederatedUser,
  autoConfirmTrustedDomains,
  verifyFederatedEmail,
  autoVerifyNeedsAttribute,
];
