import type { SESClient } from '@aws-sdk/client-ses';
import { DependencyError } from '@shared/errors';

/** One email with an HTML and a plain-text part. */
export interface EmailMessage {
  /** The sender, an address or `Display Name <address>`. */
  from: string;
  to: string;
  /** Where replies go, e.g. the support address. */
  replyTo: string;
  /** One line: no CR or LF. */
  subject: string;
  html: string;
  text: string;
}

/** Sends emails. */
export interface Mailer {
  /**
   * Hands `message` over for delivery.
   * @throws DependencyError when it could not be handed over.
   */
  send(message: EmailMessage): Promise<void>;
}

const CHARSET = 'UTF-8';

/**
 * {@link Mailer} through Amazon SES (`ses:SendEmail`). `client` is called on first use, so the SDK loads only
 * when an email is sent.
 *
 * @see https://docs.aws.amazon.com/ses/latest/APIReference/API_SendEmail.html
 */
export function createSesMailer(client: () => Promise<SESClient>): Mailer {
  return {
    async send({ from, to, replyTo, subject, html, text }) {
      try {
        const { SendEmailCommand } = await import('@aws-sdk/client-ses');
        await (await client()).send(
          new SendEmailCommand({
            Source: from,
            Destination: { ToAddresses: [to] },
            ReplyToAddresses: [replyTo],
            Message: {
              Subject: { Data: subject, Charset: CHARSET },
              Body: { Html: { Data: html, Charset: CHARSET }, Text: { Data: text, Charset: CHARSET } },
            },
          }),
        );
      } catch (error) {
        throw new DependencyError('Could not send an email through SES.', { cause: error });
      }
    },
  };
}
