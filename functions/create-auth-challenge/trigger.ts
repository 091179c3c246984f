import { CHALLENGE_REQUEST_FIELDS, SESSION_ROUND } from '@shared/custom-auth/session';
import type { SigningKey } from '@shared/custom-auth/signing-key';
import { field } from '@shared/event-shape';
import type { Mailer } from '@shared/mailer';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import type { CreateAuthChallengeConfig } from './config';
import type { SignInStore } from './sign-in-store';

/**
 * The CreateAuthChallenge trigger: its source, and the request fields its steps read.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 */
export const CREATE_AUTH_CHALLENGE: TriggerDefinition<CreateAuthChallengeTriggerEvent, 'CreateAuthChallenge'> = {
  trigger: 'CreateAuthChallenge',
  sources: ['CreateAuthChallenge_Authentication'],
  requestFields: { ...CHALLENGE_REQUEST_FIELDS, session: field.arrayOf(SESSION_ROUND) },
};

/**
 * Sends emails, or only takes as long as sending one does: what an unknown user's sign-in waits for instead, so
 * that nobody can tell from the time it took whether the user exists.
 */
export interface SignInMailer extends Mailer {
  /** Waits about as long as a {@link Mailer.send} of this container takes, sending nothing. */
  pretend(): Promise<void>;
}

/** The stores and clients the CreateAuthChallenge steps use; tests pass their own. */
export interface CreateAuthChallengeDependencies {
  readonly signIns: SignInStore;
  readonly mailer: SignInMailer;
  readonly signingKey: SigningKey;
  /** The current time. */
  now(): Date;
}

/** What each CreateAuthChallenge step receives. */
export type CreateAuthChallengeContext = StepContext<CreateAuthChallengeTriggerEvent, CreateAuthChallengeConfig> &
  CreateAuthChallengeDependencies;
