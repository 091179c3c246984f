import { readMagicLink } from '@shared/custom-auth/magic-link';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import { nodeCrypto } from '@shared/node-crypto';
import type { VerifyAuthChallengeResponseContext } from './trigger';

const digest = (text: string): Buffer => nodeCrypto().createHash('sha256').update(text).digest();

/**
 * Whether `answer` is `code`, compared in constant time (over digests, so neither length nor content shows in the
 * time taken); surrounding spaces of the answer are ignored.
 */
export function sameCode(answer: string, code: string): boolean {
  return nodeCrypto().timingSafeEqual(digest(answer.trim()), digest(code)) && code !== '';
}

/**
 * Checks a magic link's token given as the answer of sign-in `challengeId`: its signature and expiry, that it is
 * for the event's user and pool, and — last, since it is the one that writes — that no other sign-in used it. A
 * link that fails is refused with what to do (ask for a new one); true when it signs in.
 */
export async function checkMagicLink(
  context: VerifyAuthChallengeResponseContext,
  token: string,
  challengeId: string,
): Promise<true> {
  const { event, reject, logger, signal } = context;
  const claims = readMagicLink(token, await context.signingKey.bytes(signal), context.now());
  if (claims === 'expired') return reject(customAuthRefusal('link-expired'));
  if (
    claims === 'invalid' ||
    event.request.userNotFound === true ||
    claims.userName !== event.userName ||
    claims.userPoolId !== event.userPoolId
  ) {
    logger.info('Magic link refused: not a valid link for this user');
    return reject(customAuthRefusal('link-invalid'));
  }
  if (!(await context.usedLinks.use(claims.linkId, challengeId, claims.expiresAt, signal))) {
    logger.info('Magic link refused: another sign-in used it');
    return reject(customAuthRefusal('link-used'));
  }
  return true;
}
