import type { Branding } from '@shared/branding';
import { singleLine } from '@shared/text';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { CustomMessageConfig } from '../config';
import { userText } from './text';

/**
 * What every message template sees as `it`. User values are cleaned ({@link userText}) and printed with `<%= %>`,
 * which escapes them for HTML in the email and prints them as one line in the subject and SMS; the Cognito
 * placeholders must be printed raw with `<%~ %>` so that Cognito finds and replaces them.
 */
export interface MessageData {
  /** The user's `name`, else `given_name`; empty when the user has neither. */
  name: string;
  /** The user's `email` attribute; empty when absent. */
  email: string;
  branding: Branding;
  /** The request's placeholder for the code or, in an invitation, the temporary password (`{####}`). */
  code: string;
  /** The request's placeholder for the user name in an invitation (`{username}`); empty for other messages. */
  username: string;
  /**
   * The app's page that confirms a sign-up: `APP_URL` + `CONFIRM_PATH`, with the URL-encoded user name and the
   * code placeholder, which Cognito replaces with the digits of the code (so it stays literal here).
   */
  confirmUrl: string;
}

/**
 * Builds the template data of a CustomMessage event.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function messageData(event: CustomMessageTriggerEvent, config: CustomMessageConfig): MessageData {
  const { userAttributes, codeParameter, usernameParameter } = event.request;
  const { productName, supportEmail, appUrl } = config.branding;
  return {
    name: userText(userAttributes.name ?? userAttributes.given_name),
    email: userText(userAttributes.email),
    branding: { productName: singleLine(productName), supportEmail: singleLine(supportEmail), appUrl },
    code: codeParameter,
    username: usernameParameter ?? '',
    confirmUrl: `${appUrl}${config.confirmPath}?username=${encodeURIComponent(event.userName)}&code=${codeParameter}`,
  };
}
