import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { StepContext } from '../../shared/steps';
import type { TriggerDefinition } from '../../shared/trigger';
import type { CustomMessageConfig } from './config';

/** The CustomMessage trigger: its sources, and the request fields its steps read. */
export const CUSTOM_MESSAGE: TriggerDefinition<CustomMessageTriggerEvent> = {
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
  requestFields: { userAttributes: 'object', codeParameter: 'string' },
};

/** What each CustomMessage step receives. */
export type CustomMessageContext = StepContext<CustomMessageTriggerEvent, CustomMessageConfig>;
