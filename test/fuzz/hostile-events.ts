/**
 * Hostile and malformed trigger events for property tests: a recorded event with one to three of its fields
 * removed, set to `null`, to a value of the wrong type, to a 1 MB or Unicode string, to markup, header breaks or
 * template syntax, with the trigger source of another trigger, or with prototype-pollution keys (`__proto__`,
 * `constructor`) as own properties, as `JSON.parse` makes them.
 */

import type { TriggerEvent } from '@shared/trigger';
import { FIXTURE_SOURCES, loadFixture, type TriggerSource } from '@test/helpers/fixtures';
import fc from 'fast-check';

/** A 1 MB string of ASCII, and one of characters outside the Basic Multilingual Plane. */
const HUGE_STRINGS = ['x'.repeat(1 << 20), '😀'.repeat(1 << 18)];

/** Values people type into forms to break things. */
const NASTY_STRINGS = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  'Jane\r\nBcc: victim@example.net',
  '<%= it.code %><%~ process.exit(1) %>',
  '${process.env.AWS_SECRET_ACCESS_KEY}',
  '{{7*7}} {####} {username}',
  '\u0000\u202e\u2028\ufeff',
  'Zoë Ångström 田中 محمد',
];

/** A string of any kind: short Unicode, markup and template syntax, or 1 MB. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...HUGE_STRINGS), weight: 1 },
);

/** A value of any JSON type, including the wrong one for whatever field it lands in. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** Own properties `JSON.parse` creates from a hostile payload; assigning them in code would set a prototype. */
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

function pollutionPayload(): unknown {
  return JSON.parse('{"polluted":"yes","prototype":{"polluted":"yes"},"__proto__":{"polluted":"yes"}}');
}

/** Where in an event a mutation applies, as a path of keys from the event. */
const PATHS: readonly (readonly string[])[] = [
  [],
  ['request'],
  ['request', 'userAttributes'],
  ['request', 'validationData'],
  ['request', 'clientMetadata'],
  ['response'],
  ['callerContext'],
];

/** Field names a mutation may hit: the ones the flows read, plus any. */
const FIELDS = [
  'triggerSource',
  'userPoolId',
  'userName',
  'request',
  'response',
  'userAttributes',
  'codeParameter',
  'usernameParameter',
  'password',
  'email',
  'name',
  'given_name',
  'locale',
  'sub',
  'email_verified',
  'identities',
];

/** One change to an event. */
type Mutation =
  | { kind: 'delete' | 'set'; path: readonly string[]; field: string; value: unknown }
  | { kind: 'pollute'; path: readonly string[]; field: string }
  | { kind: 'source'; source: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    path: fc.constantFrom(...PATHS),
    field: fc.constantFrom(...FIELDS),
    value: fc.constant(undefined),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...PATHS),
    field: fc.constantFrom(...FIELDS),
    value: hostileValue,
  }),
  fc.record({
    kind: fc.constant('pollute' as const),
    path: fc.constantFrom(...PATHS),
    field: fc.constantFrom(...POLLUTION_KEYS),
  }),
  fc.record({
    kind: fc.constant('source' as const),
    source: fc.oneof(
      fc.constantFrom(...FIXTURE_SOURCES, 'TokenGeneration_HostedAuth', 'CustomEmailSender_SignUp'),
      hostileString,
    ),
  }),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apply(event: Record<string, unknown>, change: Mutation): void {
  if (change.kind === 'source') {
    event['triggerSource'] = change.source;
    return;
  }
  let target: unknown = event;
  for (const key of change.path) target = isRecord(target) && Object.hasOwn(target, key) ? target[key] : undefined;
  if (!isRecord(target)) return;
  if (change.kind === 'delete') {
    Reflect.deleteProperty(target, change.field);
  } else {
    const value = change.kind === 'pollute' ? pollutionPayload() : structuredClone(change.value);
    Object.defineProperty(target, change.field, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** A hostile variant of the recorded event of one of `sources`. */
export function hostileEvent(sources: readonly TriggerSource[] = FIXTURE_SOURCES): fc.Arbitrary<TriggerEvent> {
  return fc
    .record({ source: fc.constantFrom(...sources), changes: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
    .map(({ source, changes }) => {
      const event = loadFixture(source) as unknown as Record<string, unknown>;
      for (const change of changes) apply(event, change);
      return event as unknown as TriggerEvent;
    });
}

/** The own property names of `Object.prototype`, to check that no run added one. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
