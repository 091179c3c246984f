import { signMagicLink } from '@shared/custom-auth/magic-link';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import { customAuthRefusal } from '@shared/messages/custom-auth-refusals';
import { nodeCrypto } from '@shared/node-crypto';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import type { SignInEmailSettings } from './config';
import { planIssue } from './issue-plan';
import { recipientOf } from './recipient';
import { renderSignInEmail, type SignInSecret } from './sign-in-email';
import type { Issue } from './sign-in-store';
import type { CreateAuthChallengeContext } from './trigger';

/** A code or link as the round uses it; `decoy` when nobody is sent it (see `recipientOf`). */
export interface DeliveredChallenge {
  issue: Issue;
  decoy: boolean;
}

/** Writes lost to a concurrent invocation before giving up; the second read already finds the winner's issue. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * The store key of the event's user: a digest of the pool and the lower-cased username, so the table holds no
 * address an unknown user typed.
 */
function userKeyOf(event: CreateAuthChallengeTriggerEvent): string {
  return nodeCrypto()
    .createHash('sha256')
    .update(`${event.userPoolId}\n${event.userName.toLowerCase()}`)
    .digest('base64url');
}

/** A code of `length` digits, each drawn uniformly. */
function newCode(length: number): string {
  return Array.from({ length }, () => nodeCrypto().randomInt(10)).join('');
}

function validityMs(context: CreateAuthChallengeContext, method: SignInMethod): number {
  const { config } = context;
  return 1000 * (method === 'email_code' ? config.signInCodeValiditySeconds : config.magicLinkValiditySeconds);
}

/** Whole minutes from `now` until `at`, at least one: what a refusal tells the user to wait. */
function minutesUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 60_000));
}

/**
 * Sign-in `signInId`'s current code or link of `method`, or a new one, as {@link planIssue} decides; refuses past
 * the limit, saying when the window ends.
 */
async function currentIssue(
  context: CreateAuthChallengeContext,
  userKey: string,
  method: SignInMethod,
  signInId: string,
): Promise<Issue> {
  const { config, signIns, reject, signal } = context;
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt += 1) {
    const now = context.now().getTime();
    const record = await signIns.read(userKey, signal);
    const plan = planIssue(record, {
      method,
      signInId,
      now,
      windowMs: config.signInEmailWindowSeconds * 1000,
      maxPerWindow: config.signInEmailsPerWindow,
    });
    if (plan.kind === 'reuse') return plan.issue;
    if (plan.kind === 'rate-limited') {
      return reject(customAuthRefusal('too-many-emails'), { minutes: String(minutesUntil(plan.retryAt, now)) });
    }
    const issue: Issue = {
      id: nodeCrypto().randomUUID(),
      signInId,
      secret:
        method === 'email_code' ? newCode(config.signInCodeLength) : nodeCrypto().randomBytes(16).toString('base64url'),
      issuedAt: now,
      expiresAt: now + validityMs(context, method),
    };
    if (await signIns.issue(userKey, method, issue, plan.window, record?.version ?? 0, signal)) return issue;
  }
  throw new Error('Could not record a sign-in challenge: other invocations kept writing first.');
}

/** What the email of `issue` carries: the code, or the signed link to the app's page. */
async function secretOf(
  context: CreateAuthChallengeContext,
  method: SignInMethod,
  issue: Issue,
  email: SignInEmailSettings,
): Promise<SignInSecret> {
  const minutes = Math.round(validityMs(context, method) / 60_000);
  if (method === 'email_code') return { code: issue.secret, minutes };
  const { event } = context;
  const token = signMagicLink(
    {
      userName: event.userName,
      userPoolId: event.userPoolId,
      issuedAt: Math.floor(issue.issuedAt / 1000),
      expiresAt: Math.floor(issue.expiresAt / 1000),
      linkId: issue.secret,
    },
    await context.signingKey.bytes(context.signal),
  );
  return { url: `${email.branding.appUrl}${email.magicLinkPath}#${token}`, minutes };
}

/**
 * Issues (or gives again) sign-in `signInId`'s code or link of `method` and emails it at most once per issue,
 * however often and however concurrently Cognito delivers the round:
 *
 * - the store decides between the sign-in's current issue and a new one, and counts new ones against the send window;
 * - an issue's email is sent only by the invocation that claims it, until its own deadline; a concurrent duplicate
 *   finds the claim held (or the email sent) and sends nothing;
 * - when SES fails, the claim is released and the invocation fails: the user sees the generic failure, and a
 *   delivery of the same round that Cognito makes when no answer came in time gets the same issue and sends it;
 * - once SES accepted the email, the round is answered even if the store cannot record it: the user has the code
 *   or link. The claim then lapses at the invocation's deadline, so a later round of the same sign-in may email the
 *   same code once more;
 * - nobody is sent anything for an unknown, unconfirmed or unverified user: the same store calls and the same key
 *   read run, and the mailer only takes the time a send takes, so the answer and its timing do not tell them apart.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 */
export async function deliverChallenge(
  context: CreateAuthChallengeContext,
  method: SignInMethod,
  signInId: string,
): Promise<DeliveredChallenge> {
  const { event, config, signIns, mailer, logger, metrics, signal } = context;
  const email = config.email;
  if (email === undefined) throw new Error('Sign-in emails have no sender: EMAIL_FROM is not set.');
  const recipient = recipientOf(event);
  const decoy = !('address' in recipient);
  const userKey = userKeyOf(event);
  const issue = await currentIssue(context, userKey, method, signInId);
  const fields = { method, issuedAt: new Date(issue.issuedAt).toISOString() };
  if (issue.sentAt !== undefined) {
    logger.info('Sign-in email already sent for this challenge; not sending again', fields);
    return { issue, decoy };
  }
  const start = context.now().getTime();
  const until = start + Math.max(0, context.remainingTimeMs());
  if (!(await signIns.claim(userKey, method, issue.id, until, start, signal))) {
    logger.info('Sign-in email being sent by another invocation; not sending', fields);
    return { issue, decoy };
  }
  try {
    const secret = await secretOf(context, method, issue, email);
    if ('address' in recipient) {
      const rendered = renderSignInEmail(method, event.request.userAttributes, email.branding, secret);
      await mailer.send(
        {
          from: email.emailFrom,
          to: recipient.address,
          replyTo: email.branding.supportEmail,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
        },
        signal,
      );
      metrics.count('SignInEmailsSent');
      logger.info('Sign-in email sent', { ...fields, language: rendered.language });
    } else {
      await mailer.pretend();
      metrics.count('SignInEmailsWithheld');
      logger.info('No sign-in email: the user cannot sign in this way', { ...fields, reason: recipient.none });
    }
  } catch (error) {
    await signIns.release(userKey, method, issue.id, signal).catch(() => undefined);
    throw error;
  }
  await recordSent(context, userKey, method, issue, fields);
  return { issue, decoy };
}

/**
 * Records that `issue`'s email went out. A failure is logged, not thrown: the email is on its way and the round can
 * be answered; failing it would end a sign-in whose code the user is reading.
 */
async function recordSent(
  context: CreateAuthChallengeContext,
  userKey: string,
  method: SignInMethod,
  issue: Issue,
  fields: Record<string, string>,
): Promise<void> {
  const { signIns, logger, signal } = context;
  try {
    if (!(await signIns.complete(userKey, method, issue.id, context.now().getTime(), signal))) {
      logger.warn('Sign-in email sent after a newer challenge replaced it', fields);
    }
  } catch (error) {
    logger.error('Sign-in email sent but not recorded; a later round of this sign-in may send it again', {
      ...fields,
      error,
    });
  }
}
