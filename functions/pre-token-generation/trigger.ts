import { field } from '@shared/event-shape';
import type { StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import type { PreTokenGenerationConfig } from './config';
import { type PreTokenGenerationEvent, USER_TOKEN_SOURCES } from './token-event';

const STRINGS = field.optional(field.nullable(field.arrayOf(field.string)));

/**
 * The PreTokenGeneration trigger: every source of the V1_0, V2_0 and V3_0 events, and the request fields its steps
 * read. Each is optional: a client-credentials request carries no user, and its shape is documented only as "the
 * same as version two".
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const PRE_TOKEN_GENERATION: TriggerDefinition<PreTokenGenerationEvent, 'PreTokenGeneration'> = {
  trigger: 'PreTokenGeneration',
  sources: [...USER_TOKEN_SOURCES, 'TokenGeneration_ClientCredentials'],
  requestFields: {
    userAttributes: field.optional(field.nullable(field.stringMap)),
    groupConfiguration: field.optional(field.nullable(field.objectOf({ groupsToOverride: STRINGS }))),
    scopes: STRINGS,
    clientMetadata: field.optional(field.nullable(field.stringMap)),
  },
};

/** What the PreTokenGeneration steps use besides the event and config: nothing, so the function does no I/O. */
export type PreTokenGenerationDependencies = Readonly<Record<never, never>>;

/** What each PreTokenGeneration step receives. */
export type PreTokenGenerationContext = StepContext<PreTokenGenerationEvent, PreTokenGenerationConfig> &
  PreTokenGenerationDependencies;
