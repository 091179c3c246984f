import { field } from '@shared/event-shape';
import type { CustomMessageTemplates } from '@shared/messages/custom-message';
import type { Localised } from '@shared/messages/languages';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { CustomMessageConfig } from './config';

/** A CustomMessage trigger source, e.g. `CustomMessage_SignUp`. */
export type CustomMessageSource = CustomMessageTriggerEvent['triggerSource'];

/**
 * The CustomMessage trigger: its sources, and the request fields its steps read.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export const CUSTOM_MESSAGE: TriggerDefinition<CustomMessageTriggerEvent, 'CustomMessage'> = {
  trigger: 'CustomMessage',
  sources: [
    'CustomMessage_SignUp',
    'CustomMessage_AdminCreateUser',
    'CustomMessage_ResendCode',
    'CustomMessage_ForgotPassword',
    'CustomMessage_UpdateUserAttribute',
    'CustomMessage_VerifyUserAttribute',
    'CustomMessage_Authentication',
  ],
  requestFields: { userAttributes: field.stringMap, codeParameter: field.string },
};

/** What the CustomMessage steps use besides the event and config: the message templates of every language. */
export interface CustomMessageDependencies {
  readonly templates: Localised<CustomMessageTemplates>;
}

/** What each CustomMessage step receives. */
export type CustomMessageContext = StepContext<CustomMessageTriggerEvent, CustomMessageConfig> &
  CustomMessageDependencies;
