import type { BaseTriggerEvent } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import type { FieldShape } from './event-shape';

/** Any Cognito user pool trigger event. */
export type TriggerEvent = BaseTriggerEvent<string>;

/**
 * The request fields a trigger's events must carry, each with the JSON shape it must have (see `field` in
 * `./event-shape`). Fields not listed are accepted as they come: Cognito adds fields over time.
 */
export type RequestFields = Readonly<Record<string, FieldShape>>;

/**
 * What a function accepts: the trigger's name (as Cognito prints it in errors), its trigger sources,
 * and the request fields its flow reads.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export interface TriggerDefinition<E extends TriggerEvent, Name extends string = string> {
  readonly trigger: Name;
  readonly sources: readonly E['triggerSource'][];
  readonly requestFields: RequestFields;
}
