import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { StepContext } from '../../shared/steps';
import type { TriggerDefinition } from '../../shared/trigger';
import type { PreSignUpConfig } from './config';

/** The PreSignUp trigger: its sources, and the request fields its steps read. */
export const PRE_SIGN_UP: TriggerDefinition<PreSignUpTriggerEvent> = {
  trigger: 'PreSignUp',
  sources: ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'],
  requestFields: { userAttributes: 'object' },
};

/** What each PreSignUp step receives. */
export type PreSignUpContext = StepContext<PreSignUpTriggerEvent, PreSignUpConfig>;
