import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '@shared/email';
import { renderPostConfirmationEmail } from './emails';
import { userSub } from './profile';
import type { EmailClaim, EmailDuty } from './profile-store';
import type { PostConfirmationContext } from './trigger';

/** A claim that lapses when this invocation would be stopped by Lambda: `remainingMs` from `now`. */
function claimUntilDeadline(now: Date, remainingMs: number): EmailClaim {
  return {
    id: randomUUID(),
    expiresAt: new Date(now.getTime() + Math.max(0, remainingMs)).toISOString(),
    now: now.toISOString(),
  };
}

/**
 * Sends the user the email for `duty` at most once per occasion, however often Cognito delivers the event, and
 * never fails the flow (the user is confirmed either way):
 *
 * - Emails are off when `EMAIL_FROM` is unset; users without a usable `email` attribute get none. Both are logged.
 * - The profile must grant this invocation a claim ({@link ProfileStore.claimEmail}): concurrent duplicates lose
 *   it and send nothing. A claim lapses at its invocation's deadline: an invocation Lambda stopped (a timeout
 *   after the claim) leaves a lapsed claim, which Cognito's retry of the timed-out event takes over.
 * - After SES accepts the email the profile records it as sent, so later deliveries send nothing.
 * - When SES fails, the claim is released, so Cognito's retry of the same event sends the email.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 */
export async function deliverOnce(context: PostConfirmationContext, duty: EmailDuty): Promise<void> {
  const { config, event, logger, profiles, mailer } = context;
  const fields = { emailKind: duty };
  if (config.email === undefined) {
    logger.info('Emails are off (EMAIL_FROM is not set); not sending', fields);
    return;
  }
  const to = normaliseEmail(event.request.userAttributes['email'] ?? '');
  if (to === undefined) {
    logger.info('The user has no usable email address; not sending', fields);
    return;
  }
  const { branding, emailFrom } = config.email;
  try {
    const email = renderPostConfirmationEmail(duty, event.request.userAttributes, branding);
    const sub = userSub(event);
    const claim = claimUntilDeadline(context.now(), context.remainingTimeMs());
    if (!(await profiles.claimEmail(sub, duty, claim))) {
      logger.info('Email not due, already sent, or being sent by another invocation; not sending', fields);
      return;
    }
    try {
      await mailer.send({
        from: emailFrom,
        to,
        replyTo: branding.supportEmail,
        subject: email.subject,
        html: email.html,
        text: email.text,
      });
    } catch (error) {
      logger.error('Could not send the email; releasing its claim so that a retry sends it', { ...fields, error });
      await profiles.releaseEmail(sub, duty, claim.id);
      return;
    }
    if (await profiles.completeEmail(sub, duty, claim.id, context.now().toISOString())) {
      logger.info('Email sent', { ...fields, language: email.language });
    } else {
      logger.warn('Email sent after its claim had lapsed; another invocation may send it too', fields);
    }
  } catch (error) {
    logger.error('Email not sent; it stays due and is sent by a retry once no claim blocks it', { ...fields, error });
  }
}
