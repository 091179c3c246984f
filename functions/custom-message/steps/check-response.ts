import type { Step } from '@shared/steps';
import { chooseMessage } from '../messages/choose-message';
import { brokenRules } from '../messages/response-check';
import type { CustomMessageContext } from '../trigger';

/**
 * The last step: checks the messages the earlier steps set (placeholders, lengths, characters; see
 * {@link brokenRules}). A response that breaks a rule is logged as an error naming the template and the rules,
 * and reset to `null` in all three fields, so Cognito sends its default message instead of failing or silently
 * dropping a message that lacks the code.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export const checkResponse: Step<CustomMessageContext> = {
  name: 'check-response',
  run({ event, logger }) {
    const { request, response } = event;
    if (response.emailMessage == null && response.emailSubject == null && response.smsMessage == null) {
      return;
    }
    const { template, language, needsUsername } = chooseMessage(event);
    const failed = brokenRules(response, {
      code: request.codeParameter,
      username: needsUsername
        ? { placeholder: request.usernameParameter ?? null, userName: event.userName }
        : undefined,
    });
    if (failed.length === 0) {
      return;
    }
    logger.error('Custom message failed the response check; Cognito sends its default message', {
      template,
      language,
      failedRules: failed,
    });
    response.emailMessage = null;
    response.emailSubject = null;
    response.smsMessage = null;
  },
};
