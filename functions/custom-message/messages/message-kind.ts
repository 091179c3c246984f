import type { CustomMessageName } from '@shared/messages/custom-message';
import type { CustomMessageSource } from '../trigger';

/** Which message a trigger source sends, and the placeholders Cognito requires in it. */
export interface MessageKind {
  template: CustomMessageName;
  /** Whether the message must also carry the request's `usernameParameter` (invitations). */
  needsUsername: boolean;
}

/**
 * The message of each CustomMessage trigger source. Sign-up and a resent sign-up code share one message, as do
 * the two attribute verifications.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html#cognito-user-pools-lambda-trigger-syntax-custom-message-trigger-source
 */
export function messageKind(source: CustomMessageSource): MessageKind {
  switch (source) {
    case 'CustomMessage_SignUp':
    case 'CustomMessage_ResendCode':
      return { template: 'verify-sign-up', needsUsername: false };
    case 'CustomMessage_AdminCreateUser':
      // Cognito requires both placeholders in an invitation, or it sends its default message instead.
      return { template: 'invitation', needsUsername: true };
    case 'CustomMessage_ForgotPassword':
      return { template: 'reset-password', needsUsername: false };
    case 'CustomMessage_UpdateUserAttribute':
    case 'CustomMessage_VerifyUserAttribute':
      return { template: 'verify-attribute', needsUsername: false };
    case 'CustomMessage_Authentication':
      return { template: 'sign-in-code', needsUsername: false };
    default: {
      const unknown: never = source;
      throw new Error(`No message for trigger source ${String(unknown)}.`);
    }
  }
}
