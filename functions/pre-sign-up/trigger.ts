import { field } from '@shared/event-shape';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { PreSignUpConfig } from './config';
import type { NativeUsers } from './native-users';

/** The PreSignUp trigger: its sources, and the request fields its steps read. */
export const PRE_SIGN_UP: TriggerDefinition<PreSignUpTriggerEvent, 'PreSignUp'> = {
  trigger: 'PreSignUp',
  sources: ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'],
  requestFields: { userAttributes: field.stringMap },
};

/**
 * The stores and clients PreSignUp steps use. Shared by every invocation of a container (and by concurrent
 * ones), so it holds no per-invocation state.
 */
export interface PreSignUpDependencies {
  /** The pool's users, for linking federated sign-ups to native accounts. */
  readonly nativeUsers: NativeUsers;
}

/** What each PreSignUp step receives. */
export type PreSignUpContext = StepContext<PreSignUpTriggerEvent, PreSignUpConfig> & PreSignUpDependencies;
