import { readMagicLink } from '@shared/custom-auth/magic-link';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import type { VerifyAuthChallengeResponseContext } from './trigger';

/**
 * Whether `answer` is `code`, surrounding spaces of the answer ignored, in time that does not depend on where they
 * differ: every character position of the longer of the two is compared, with no early exit, so the time shows
 * only that length (the answer's own, or the code's, which `SIGN_IN_CODE_LENGTH` sets and the email shows). In
 * JavaScript rather than `crypto.timingSafeEqual` over digests: loading node:crypto would cost this path, which
 * calls nothing else, 2 ms of its cold start (BENCHMARKS.md).
 */
export function sameCode(answer: string, code: string): boolean {
  const given = answer.trim();
  const length = Math.max(given.length, code.length);
  let difference = given.length ^ code.length;
  for (let index = 0; index < length; index += 1) {
    // Past the end of the shorter, charCodeAt is NaN, which `^` takes as 0.
    difference |= given.charCodeAt(index) ^ code.charCodeAt(index);
  }
  return difference === 0 && code !== '';
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
