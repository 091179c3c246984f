import { CHALLENGE_REQUEST_FIELDS } from '@shared/custom-auth/session';
import type { SigningKey } from '@shared/custom-auth/signing-key';
import { field } from '@shared/event-shape';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import type { VerifyAuthChallengeResponseConfig } from './config';
import type { UsedLinks } from './used-links';

/**
 * The VerifyAuthChallengeResponse trigger: its source, and the request fields its steps read.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 */
export const VERIFY_AUTH_CHALLENGE_RESPONSE: TriggerDefinition<
  VerifyAuthChallengeResponseTriggerEvent,
  'VerifyAuthChallengeResponse'
> = {
  trigger: 'VerifyAuthChallengeResponse',
  sources: ['VerifyAuthChallengeResponse_Authentication'],
  requestFields: {
    ...CHALLENGE_REQUEST_FIELDS,
    privateChallengeParameters: field.stringMap,
    challengeAnswer: field.string,
  },
};

/**
 * What the VerifyAuthChallengeResponse steps use: only a magic link needs them (its key, and the record of used
 * links); a code is judged from the private challenge parameters alone. Tests pass their own.
 */
export interface VerifyAuthChallengeResponseDependencies {
  readonly usedLinks: UsedLinks;
  readonly signingKey: SigningKey;
  /** The current time. */
  now(): Date;
}

/** What each VerifyAuthChallengeResponse step receives. */
export type VerifyAuthChallengeResponseContext = StepContext<
  VerifyAuthChallengeResponseTriggerEvent,
  VerifyAuthChallengeResponseConfig
> &
  VerifyAuthChallengeResponseDependencies;
