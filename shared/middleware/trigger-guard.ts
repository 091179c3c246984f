import type { MiddlewareObj } from '@middy/core';
import { InvalidEventError } from '../errors';
import { isObject, quote, shapeProblem } from '../event-shape';
import type { TriggerDefinition, TriggerEvent } from '../trigger';

/**
 * Checks that `event` is a well-formed event of `definition`'s trigger and returns it typed.
 * Unknown fields are accepted (Cognito adds fields over time); a missing `response` becomes `{}`. Request fields
 * are checked against the shapes `definition` declares; the error names the field's path, never its value.
 *
 * @throws InvalidEventError naming the first thing that is wrong.
 */
export function assertTriggerEvent<E extends TriggerEvent>(event: unknown, definition: TriggerDefinition<E>): E {
  const { trigger, sources } = definition;
  if (!isObject(event)) {
    throw new InvalidEventError(
      `Invalid ${trigger} event: expected an object, got ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}.`,
    );
  }
  if (!(sources as readonly unknown[]).includes(event.triggerSource)) {
    const got = event.triggerSource === undefined ? 'no triggerSource' : `triggerSource ${quote(event.triggerSource)}`;
    throw new InvalidEventError(`Invalid ${trigger} event: this function handles ${sources.join(', ')}; got ${got}.`);
  }
  for (const field of ['userPoolId', 'userName'] as const) {
    if (typeof event[field] !== 'string') {
      throw new InvalidEventError(`Invalid ${trigger} event: ${field} must be a string.`);
    }
  }
  const { request } = event;
  if (!isObject(request)) {
    throw new InvalidEventError(`Invalid ${trigger} event: request must be an object.`);
  }
  for (const [field, shape] of Object.entries(definition.requestFields)) {
    const problem = shapeProblem(Object.hasOwn(request, field) ? request[field] : undefined, shape, `request.${field}`);
    if (problem !== undefined) throw new InvalidEventError(`Invalid ${trigger} event: ${problem}`);
  }
  if (event.response === undefined || event.response === null) {
    event.response = {};
  } else if (!isObject(event.response)) {
    throw new InvalidEventError(`Invalid ${trigger} event: response must be an object.`);
  }
  return event as unknown as E;
}

/** Middy middleware that rejects events {@link assertTriggerEvent} does not accept. */
export function triggerGuard<E extends TriggerEvent>(definition: TriggerDefinition<E>): MiddlewareObj<E> {
  return {
    before: (request) => {
      assertTriggerEvent(request.event, definition);
    },
  };
}
