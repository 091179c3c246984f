import { SESSION_ROUND } from '@shared/custom-auth/session';
import { field } from '@shared/event-shape';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import type { DefineAuthChallengeConfig } from './config';

/**
 * The DefineAuthChallenge trigger: its source, and the request fields its steps read.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 */
export const DEFINE_AUTH_CHALLENGE: TriggerDefinition<DefineAuthChallengeTriggerEvent, 'DefineAuthChallenge'> = {
  trigger: 'DefineAuthChallenge',
  sources: ['DefineAuthChallenge_Authentication'],
  requestFields: { session: field.arrayOf(SESSION_ROUND) },
};

/** The DefineAuthChallenge steps use nothing besides the event and the configuration: no store, no client. */
export type DefineAuthChallengeDependencies = Record<never, never>;

/** What each DefineAuthChallenge step receives. */
export type DefineAuthChallengeContext = StepContext<DefineAuthChallengeTriggerEvent, DefineAuthChallengeConfig> &
  DefineAuthChallengeDependencies;
