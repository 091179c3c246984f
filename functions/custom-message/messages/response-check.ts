import { isAllowedMessageText } from './text';

/**
 * Cognito's limits on a custom message. A response that breaks one makes Cognito refuse it.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html
 */
export const MESSAGE_LIMITS = { emailMin: 6, emailMax: 20_000, subjectMax: 140, smsMin: 6, smsMax: 140 } as const;

/** What an SMS code looks like once Cognito has replaced the placeholder: six digits. */
const SAMPLE_CODE = '000000';

/** A rule of the response check; logged by name when a message breaks it. */
export type ResponseRule =
  | 'all-fields-set'
  | 'email-has-code'
  | 'email-has-username'
  | 'email-length'
  | 'email-characters'
  | 'subject-length'
  | 'subject-single-line'
  | 'subject-characters'
  | 'sms-has-code'
  | 'sms-has-username'
  | 'sms-length';

/** The response fields a CustomMessage trigger returns; `null` means Cognito's default. */
export interface MessageResponse {
  emailSubject?: string | null;
  emailMessage?: string | null;
  smsMessage?: string | null;
}

/** The placeholders a response must carry: the request's code placeholder, and for invitations the username one. */
export interface RequiredPlaceholders {
  /** The request's `codeParameter`. */
  code: string;
  /**
   * Set when the message must also carry the user name: the request's `usernameParameter` (`null` when the request
   * lacks it) and the event's `userName`, which Cognito prints in its place.
   */
  username?: { placeholder: string | null; userName: string };
}

/** Whether `text` holds `placeholder`; an absent or empty placeholder is never held. */
function contains(text: string, placeholder: string | null): placeholder is string {
  return placeholder !== null && placeholder !== '' && text.includes(placeholder);
}

function emailRules(email: string, required: RequiredPlaceholders): ResponseRule[] {
  const failed: ResponseRule[] = [];
  if (!contains(email, required.code)) failed.push('email-has-code');
  if (required.username && !contains(email, required.username.placeholder)) failed.push('email-has-username');
  if (email.length < MESSAGE_LIMITS.emailMin || email.length > MESSAGE_LIMITS.emailMax) failed.push('email-length');
  if (!isAllowedMessageText(email)) failed.push('email-characters');
  return failed;
}

function subjectRules(subject: string): ResponseRule[] {
  const failed: ResponseRule[] = [];
  if (subject.trim() === '' || subject.length > MESSAGE_LIMITS.subjectMax) failed.push('subject-length');
  if (/[\r\n\u2028\u2029]/.test(subject)) failed.push('subject-single-line');
  if (!isAllowedMessageText(subject)) failed.push('subject-characters');
  return failed;
}

function smsRules(sms: string, required: RequiredPlaceholders): ResponseRule[] {
  const failed: ResponseRule[] = [];
  let delivered = sms;
  if (contains(sms, required.code)) {
    delivered = delivered.replaceAll(required.code, SAMPLE_CODE);
  } else {
    failed.push('sms-has-code');
  }
  if (required.username) {
    const { placeholder, userName } = required.username;
    if (contains(sms, placeholder)) {
      delivered = delivered.replaceAll(placeholder, userName);
    } else {
      failed.push('sms-has-username');
    }
  }
  if (delivered.length < MESSAGE_LIMITS.smsMin || delivered.length > MESSAGE_LIMITS.smsMax) failed.push('sms-length');
  return failed;
}

/**
 * Checks a CustomMessage response before it goes back to Cognito, and returns the rules it breaks (none when it is
 * fine). The email and the SMS must carry the request's code placeholder (and, for invitations, its username
 * placeholder); the email may hold 6 to 20,000 characters, the subject 1 to 140 on one line, and the SMS 6 to 140
 * once Cognito has put a six-digit code and the user name in. All three fields are set together or not at all.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function brokenRules(response: MessageResponse, required: RequiredPlaceholders): ResponseRule[] {
  const { emailMessage, emailSubject, smsMessage } = response;
  if (typeof emailMessage !== 'string' || typeof emailSubject !== 'string' || typeof smsMessage !== 'string') {
    return ['all-fields-set'];
  }
  return [...emailRules(emailMessage, required), ...subjectRules(emailSubject), ...smsRules(smsMessage, required)];
}
