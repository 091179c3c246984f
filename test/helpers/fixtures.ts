/**
 * Recorded Cognito trigger events, one JSON file per trigger source in `test/fixtures/`, and a typed loader.
 *
 * The files follow what Cognito really sends (see `test/fixtures/README.md` for where each shape comes from).
 * Tests take a fresh copy with {@link loadFixture} and change only what the test is about.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FUNCTIONS,
  type RegisteredEvent,
  type RegisteredFunction,
  type RegisteredSource,
  type TriggerName,
} from '@functions/registry';

/**
 * A trigger source of a registered function (functions/registry.ts); each has a fixture file, which
 * test/unit/fixtures.test.ts checks.
 */
export type TriggerSource = RegisteredSource;

/**
 * The precise `@types/aws-lambda` event type for trigger source `S` (its `triggerSource` is `S`).
 *
 * Note that `@types/aws-lambda` is stricter than Cognito in a few places: Cognito sends `validationData: null`,
 * a `UserMigration_ForgotPassword` request without `password`, and a UserMigration response whose six fields are
 * all `null`, while the types say `StringMap | undefined`, `string` and non-null. The fixtures keep what Cognito
 * sends; code under test must cope with it (see `test/fixtures/README.md`).
 */
export type EventFor<S extends TriggerSource> = Extract<RegisteredEvent, { triggerSource: S }>;

// Compile-time check: every source has an event type of its own.
type SourcesWithoutEventType = { [S in TriggerSource]: [EventFor<S>] extends [never] ? S : never }[TriggerSource];
const everySourceHasAnEventType: [SourcesWithoutEventType] extends [never] ? true : SourcesWithoutEventType = true;
void everySourceHasAnEventType;

/** A trigger that has fixtures: the trigger of a registered function, e.g. `PreSignUp`. */
export type FixtureTrigger = TriggerName;

type SourcesOf<T extends TriggerName> = Extract<RegisteredFunction['trigger'], { trigger: T }>['sources'];

/**
 * The fixture trigger sources grouped by trigger, in the order of the registry.
 *
 * @example
 * ```ts
 * test.each(FIXTURES_BY_TRIGGER.PreSignUp)('%s', (source) => { const event = loadFixture(source); ... });
 * ```
 */
export const FIXTURES_BY_TRIGGER = Object.fromEntries(
  FUNCTIONS.map(({ trigger }) => [trigger.trigger, trigger.sources]),
) as { readonly [T in TriggerName]: SourcesOf<T> };

/** Every trigger source that has a fixture file, in the order of {@link FIXTURES_BY_TRIGGER}. */
export const FIXTURE_SOURCES: readonly TriggerSource[] = FUNCTIONS.flatMap(
  ({ trigger }): readonly TriggerSource[] => trigger.sources,
);

/** Absolute path of the folder that holds the fixture files. */
export const FIXTURES_DIR: string = join(__dirname, '..', 'fixtures');

const parsed = new Map<string, unknown>();

/** True when `value` names a trigger source that has a fixture. */
export function isFixtureSource(value: string): value is TriggerSource {
  return (FIXTURE_SOURCES as readonly string[]).includes(value);
}

/** A further recorded state of a source, e.g. DefineAuthChallenge after a wrong answer. */
export interface FixtureState {
  source: TriggerSource;
  /** The part of the file name between the source and `.json`, e.g. `wrong-answer`. */
  state: string;
}

/** A state's file name: `<source>.<state>` ends in a kebab-case name. */
const STATE_FILE = /^([A-Za-z]+_[A-Za-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

let states: readonly FixtureState[] | undefined;

/**
 * The further states recorded beside the first event of some sources, as `test/fixtures/<source>.<state>.json`:
 * a flow whose events differ by more than their source (the rounds of custom authentication) has one file per state.
 * Read from the folder on first use.
 */
export function fixtureStates(): readonly FixtureState[] {
  states ??= readdirSync(FIXTURES_DIR)
    .map((file) => STATE_FILE.exec(file))
    .filter((match): match is RegExpExecArray => match !== null && isFixtureSource(match[1] ?? ''))
    .map((match) => ({ source: match[1] as TriggerSource, state: match[2] as string }));
  return states;
}

/**
 * Returns a fresh deep copy of the recorded event for `source` — or, with `state`, of that recorded state of it —
 * typed with its `@types/aws-lambda` event type.
 *
 * Each file is read and parsed once; every call returns a new `structuredClone`, so a test may mutate what it gets
 * without affecting any other test.
 *
 * @param source - the trigger source, which is also the fixture's file name (`test/fixtures/<source>.json`)
 * @param state - a further state of the source (`test/fixtures/<source>.<state>.json`)
 * @returns the event exactly as recorded (including the `null` fields Cognito sends)
 * @throws Error when `source` has no fixture, or no such state (only reachable by casting or a typo)
 */
export function loadFixture<S extends TriggerSource>(source: S, state?: string): EventFor<S> {
  if (!isFixtureSource(source)) {
    throw new Error(`No fixture for trigger source "${String(source)}"; known: ${FIXTURE_SOURCES.join(', ')}`);
  }
  if (state !== undefined && !fixtureStates().some((known) => known.source === source && known.state === state)) {
    throw new Error(`No fixture state "${state}" of ${source}.`);
  }
  const file = state === undefined ? `${source}.json` : `${source}.${state}.json`;
  let event = parsed.get(file);
  if (event === undefined) {
    event = JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as unknown;
    parsed.set(file, event);
  }
  return structuredClone(event) as EventFor<S>;
}
