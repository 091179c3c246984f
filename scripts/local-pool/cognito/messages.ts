import type { Context } from 'cognito-local/lib/services/context';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import type { Messages } from 'cognito-local/lib/services/messages';
import { attributeValue, type User, type UserPool } from 'cognito-local/lib/services/userPoolService';
import type { MfaPool } from './auth/mfa';
import { type MailOptions, sendLocalEmail } from './mail';
import type { LocalTriggers } from './triggers';

/** Why a message is sent: the `CustomMessage_<source>` of the CustomMessage trigger. */
export type MessageSource = Parameters<Messages['deliver']>[1];

/** An email or SMS before its code is filled in. */
interface MessageTemplate {
  subject: string;
  email: string;
  sms: string;
}

/** Cognito's wording when the pool sets none. */
const DEFAULT_VERIFICATION: MessageTemplate = {
  subject: 'Your verification code',
  email: 'Your verification code is {####}. ',
  sms: 'Your verification code is {####}. ',
};
const DEFAULT_INVITATION: MessageTemplate = {
  subject: 'Your temporary password',
  email: 'Your username is {username} and temporary password is {####}. ',
  sms: 'Your username is {username} and temporary password is {####}. ',
};
const DEFAULT_AUTHENTICATION: MessageTemplate = {
  subject: 'Your sign-in code',
  email: 'Your authentication code is {####}. ',
  sms: 'Your authentication code is {####}. ',
};

/** Where Cognito's own sending account sends from. */
const COGNITO_DEFAULT_FROM = 'no-reply@verificationemail.com';

/**
 * The pool's template for `source`: its verification or invitation messages, or for sign-in and MFA codes the
 * messages SetUserPoolMfaConfig set (`EmailMfaConfiguration`, `SmsMfaConfiguration`).
 */
function poolTemplate(pool: UserPool, source: MessageSource): MessageTemplate {
  if (source === 'AdminCreateUser') {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate;
    return {
      subject: invite?.EmailSubject ?? DEFAULT_INVITATION.subject,
      email: invite?.EmailMessage ?? DEFAULT_INVITATION.email,
      sms: invite?.SMSMessage ?? DEFAULT_INVITATION.sms,
    };
  }
  if (source === 'Authentication') {
    const { EmailMfaConfiguration: email, SmsMfaConfiguration: sms } = pool as MfaPool;
    return {
      subject: email?.Subject ?? DEFAULT_AUTHENTICATION.subject,
      email: email?.Message ?? DEFAULT_AUTHENTICATION.email,
      sms: sms?.SmsAuthenticationMessage ?? pool.SmsAuthenticationMessage ?? DEFAULT_AUTHENTICATION.sms,
    };
  }
  const template = pool.VerificationMessageTemplate;
  return {
    subject: template?.EmailSubject ?? pool.EmailVerificationSubject ?? DEFAULT_VERIFICATION.subject,
    email: template?.EmailMessage ?? pool.EmailVerificationMessage ?? DEFAULT_VERIFICATION.email,
    sms: template?.SmsMessage ?? pool.SmsVerificationMessage ?? DEFAULT_VERIFICATION.sms,
  };
}

/**
 * Whether a CustomMessage answer can replace the pool's message: it must contain the code placeholder (and, for
 * an invitation, the username placeholder) and keep Cognito's lengths. An answer that cannot is dropped and the
 * pool's message sent instead, as Cognito does, silently.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
function usableCustomText(text: string | null | undefined, source: MessageSource, maxLength: number): text is string {
  if (typeof text !== 'string' || text.length < 6 || text.length > maxLength) return false;
  return text.includes('{####}') && (source !== 'AdminCreateUser' || text.includes('{username}'));
}

/** Fills in the code and username placeholders. */
function fill(text: string, code: string, username: string): string {
  return text.replaceAll('{####}', code).replaceAll('{username}', username);
}

/** The username a message shows: the email or phone number in a pool where that is the username. */
function shownUsername(pool: UserPool, user: User): string {
  for (const attribute of pool.UsernameAttributes ?? []) {
    const value = attributeValue(attribute, user.Attributes);
    if (value !== undefined) return value;
  }
  return user.Username;
}

/**
 * The messages Cognito would send — sign-up and resent codes, password reset codes, invitations, attribute
 * verification and sign-in codes — composed as Cognito composes them (CustomMessage trigger, else the pool's
 * templates), then reported to `onCodeDelivery` and, for email, sent to the local SES.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-message-customizations.html
 */
export class LocalMessages implements Messages {
  constructor(
    private readonly triggers: LocalTriggers,
    private readonly poolOf: (ctx: Context, userPoolId: string) => Promise<UserPool>,
    private readonly mail: MailOptions,
  ) {}

  async deliver(
    ctx: Context,
    source: MessageSource,
    clientId: string | null,
    userPoolId: string,
    user: User,
    code: string,
    clientMetadata: Record<string, string> | undefined,
    deliveryDetails: DeliveryDetails,
  ): Promise<void> {
    const pool = await this.poolOf(ctx, userPoolId);
    const template = poolTemplate(pool, source);
    const custom = await this.triggers.customMessageFor(ctx, {
      source: `CustomMessage_${source}`,
      userPoolId,
      clientId,
      username: user.Username,
      code,
      userAttributes: user.Attributes,
      clientMetadata,
      usernameParameter: source === 'AdminCreateUser' ? '{username}' : null,
    });
    const username = shownUsername(pool, user);
    this.mail.onCodeDelivery?.({ destination: deliveryDetails.Destination, code, source });
    if (deliveryDetails.DeliveryMedium !== 'EMAIL' || this.mail.sesEndpoint === undefined) return;
    const email = usableCustomText(custom.emailMessage, source, 20_000) ? custom.emailMessage : template.email;
    const subject =
      typeof custom.emailSubject === 'string' && custom.emailSubject !== '' && custom.emailSubject.length <= 140
        ? custom.emailSubject
        : template.subject;
    await sendLocalEmail(this.mail.sesEndpoint, {
      from: pool.EmailConfiguration?.From ?? COGNITO_DEFAULT_FROM,
      to: deliveryDetails.Destination,
      subject,
      html: fill(email, code, username),
    }).catch((error: unknown) => ctx.logger.warn({ error }, 'Could not send the message to the local SES'));
  }
}
