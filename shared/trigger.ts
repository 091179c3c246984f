import type { BaseTriggerEvent } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/** Any Cognito user pool trigger event. */
export type TriggerEvent = BaseTriggerEvent<string>;

/** The request fields a trigger's events must carry, and the JSON type each must have. */
export type RequiredRequestFields = Readonly<Record<string, 'object' | 'string'>>;

/**
 * What a function accepts: the trigger's name (as Cognito prints it in errors), its trigger sources,
 * and the request fields its flow reads.
 */
export interface TriggerDefinition<E extends TriggerEvent> {
  readonly trigger: string;
  readonly sources: readonly E['triggerSource'][];
  readonly requestFields: RequiredRequestFields;
}
