import type { SESClient } from '@aws-sdk/client-ses';
import type { EnvReader } from './config';
import { normaliseEmail } from './email';
import { ConfigError, DependencyError } from './errors';

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
   * Hands `message` over for delivery; `signal` is the invocation's abort signal (see `StepContext.signal`).
   * @throws DependencyError when it could not be handed over.
   */
  send(message: EmailMessage, signal?: AbortSignal): Promise<void>;
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
    async send({ from, to, replyTo, subject, html, text }, signal) {
      try {
        const { SendEmailCommand } = await import('@shared/aws/sdk/ses');
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
          { abortSignal: signal },
        );
      } catch (error) {
        throw new DependencyError('Could not send an email through SES.', { cause: error, dependency: 'SES' });
      }
    },
  };
}

/** `address` or `Display Name <address>`; the display name must already be RFC 2047-encoded if not ASCII. */
const SENDER = /^(?:[\x20-\x7e]*?<([^<>]+)>|([^<>\s]+))$/;

/**
 * Reads `EMAIL_FROM`, the sender of the functions' emails: an address, or `Display Name <address>` in printable
 * ASCII. Throws naming the variable when it is missing or malformed.
 */
export function readSender(env: EnvReader): string {
  const from = env.string('EMAIL_FROM');
  const match = SENDER.exec(from);
  const address = match?.[1] ?? match?.[2];
  if (address === undefined || normaliseEmail(address) === undefined) {
    throw new ConfigError(
      `EMAIL_FROM must be an address or "Display Name <address>" in printable ASCII (encode other characters as RFC 2047 words), got "${from}".`,
    );
  }
  return from;
}
