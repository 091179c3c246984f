import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import { nodeCrypto as crypto } from '@shared/node-crypto';
import type { Step } from '@shared/steps';
import type { PreSignUpContext } from '../trigger';

/** SHA-256 of a code as lower-case hex: the form `INVITE_CODE_SHA256` lists codes in. */
export function inviteCodeDigest(code: string): string {
  return crypto().createHash('sha256').update(code.trim()).digest('hex');
}

function listed(digest: string, digests: readonly string[]): boolean {
  const candidate = Buffer.from(digest, 'hex');
  // Compare against every listed digest, in constant time each, so timing says nothing about the list.
  return digests.reduce((found, listedDigest) => {
    const other = Buffer.from(listedDigest, 'hex');
    return (other.length === candidate.length && crypto().timingSafeEqual(other, candidate)) || found;
  }, false);
}

/**
 * Only invite-code holders may sign up themselves. The app sends the code with the sign-up request
 * (`SignUp` `ValidationData` or `ClientMetadata`, key `inviteCode`); the function's environment lists the codes'
 * SHA-256 digests (`INVITE_CODE_SHA256`), so the codes themselves are in no configuration. Administrators
 * (AdminCreateUser) and federated sign-ins need no code. Off while no digest is listed.
 */
export const requireInviteCode: Step<PreSignUpContext> = {
  name: 'require-invite-code',
  sources: ['PreSignUp_SignUp'],
  enabled: (config) => config.inviteCodeSha256.length > 0,
  run({ event, config, reject }) {
    const code = event.request.validationData?.['inviteCode'] ?? event.request.clientMetadata?.['inviteCode'];
    if (typeof code !== 'string' || code.trim() === '') {
      return reject(preSignUpRefusal('invite-code-required'));
    }
    if (!listed(inviteCodeDigest(code), config.inviteCodeSha256)) {
      return reject(preSignUpRefusal('invite-code-invalid'));
    }
  },
};
