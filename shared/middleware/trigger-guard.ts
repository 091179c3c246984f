import type { MiddlewareObj } from '@middy/core';
import { InvalidEventError } from '../errors';
import type { TriggerDefinition, TriggerEvent } from '../trigger';

const MAX_QUOTED = 64;

/** Quotes a value from the event for an error message, cut short so a hostile event cannot bloat it. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value;
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that `event` is a well-formed event of `definition`'s trigger and returns it typed.
 * Unknown fields are accepted (Cognito adds fields over time); a missing `response` becomes `{}`.
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
  for (const [field, type] of Object.entries(definition.requestFields)) {
    assertRequestField(trigger, field, request[field], type);
  }
  if (event.response === undefined || event.response === null) {
    event.response = {};
  } else if (!isObject(event.response)) {
    throw new InvalidEventError(`Invalid ${trigger} event: response must be an object.`);
  }
  return event as unknown as E;
}

function assertRequestField(trigger: string, field: string, value: unknown, type: 'object' | 'string'): void {
  if (type === 'string') {
    if (typeof value !== 'string') {
      throw new InvalidEventError(`Invalid ${trigger} event: request.${field} must be a string.`);
    }
    return;
  }
  if (!isObject(value)) {
    throw new InvalidEventError(`Invalid ${trigger} event: request.${field} must be an object.`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') {
      throw new InvalidEventError(`Invalid ${trigger} event: request.${field}[${quote(key)}] must be a string.`);
    }
  }
}

/** Middy middleware that rejects events {@link assertTriggerEvent} does not accept. */
export function triggerGuard<E extends TriggerEvent>(definition: TriggerDefinition<E>): MiddlewareObj<E> {
  return {
    before: (request) => {
      assertTriggerEvent(request.event, definition);
    },
  };
}
