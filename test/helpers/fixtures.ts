/**
 * Recorded Cognito trigger events, one JSON file per trigger source in `test/fixtures/`, and a typed loader.
 *
 * The files follow what Cognito really sends (see `test/fixtures/README.md` for where each shape comes from).
 * Tests take a fresh copy with {@link loadFixture} and change only what the test is about.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CustomMessageAdminCreateUserTriggerEvent,
  CustomMessageAuthenticationTriggerEvent,
  CustomMessageForgotPasswordTriggerEvent,
  CustomMessageResendCodeTriggerEvent,
  CustomMessageSignUpTriggerEvent,
  CustomMessageUpdateUserAttributeTriggerEvent,
  CustomMessageVerifyUserAttributeTriggerEvent,
  PostConfirmationConfirmForgotPassword,
  PostConfirmationConfirmSignUpTriggerEvent,
  PreSignUpAdminCreateUserTriggerEvent,
  PreSignUpEmailTriggerEvent,
  PreSignUpExternalProviderTriggerEvent,
  UserMigrationAuthenticationTriggerEvent,
  UserMigrationForgotPasswordTriggerEvent,
} from 'aws-lambda';

/**
 * The `@types/aws-lambda` event type of each trigger source that has a fixture.
 *
 * Note that `@types/aws-lambda` is stricter than Cognito in a few places: Cognito sends `validationData: null`,
 * a `UserMigration_ForgotPassword` request without `password`, and a UserMigration response whose six fields are
 * all `null`, while the types say `StringMap | undefined`, `string` and non-null. The fixtures keep what Cognito
 * sends; code under test must cope with it (see `test/fixtures/README.md`).
 */
export interface FixtureEventMap {
  PreSignUp_SignUp: PreSignUpEmailTriggerEvent;
  PreSignUp_AdminCreateUser: PreSignUpAdminCreateUserTriggerEvent;
  PreSignUp_ExternalProvider: PreSignUpExternalProviderTriggerEvent;
  CustomMessage_SignUp: CustomMessageSignUpTriggerEvent;
  CustomMessage_AdminCreateUser: CustomMessageAdminCreateUserTriggerEvent;
  CustomMessage_ResendCode: CustomMessageResendCodeTriggerEvent;
  CustomMessage_ForgotPassword: CustomMessageForgotPasswordTriggerEvent;
  CustomMessage_UpdateUserAttribute: CustomMessageUpdateUserAttributeTriggerEvent;
  CustomMessage_VerifyUserAttribute: CustomMessageVerifyUserAttributeTriggerEvent;
  CustomMessage_Authentication: CustomMessageAuthenticationTriggerEvent;
  UserMigration_Authentication: UserMigrationAuthenticationTriggerEvent;
  UserMigration_ForgotPassword: UserMigrationForgotPasswordTriggerEvent;
  PostConfirmation_ConfirmSignUp: PostConfirmationConfirmSignUpTriggerEvent;
  PostConfirmation_ConfirmForgotPassword: PostConfirmationConfirmForgotPassword;
}

/** A trigger source that has a recorded fixture. */
export type TriggerSource = keyof FixtureEventMap;

/** The precise `@types/aws-lambda` event type for trigger source `S` (its `triggerSource` is `S`). */
export type EventFor<S extends TriggerSource> = FixtureEventMap[S];

// Compile-time check: every mapped event type carries its own key as `triggerSource`.
type MismatchedSources = {
  [S in TriggerSource]: EventFor<S>['triggerSource'] extends S ? never : S;
}[TriggerSource];
const sourcesMatchTheirTypes: [MismatchedSources] extends [never] ? true : MismatchedSources = true;
void sourcesMatchTheirTypes;

/**
 * The fixture trigger sources grouped by trigger (the part of the trigger source before `_`).
 *
 * @example
 * ```ts
 * test.each(FIXTURES_BY_TRIGGER.PreSignUp)('%s', (source) => { const event = loadFixture(source); ... });
 * ```
 */
export const FIXTURES_BY_TRIGGER = {
  PreSignUp: ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'],
  CustomMessage: [
    'CustomMessage_SignUp',
    'CustomMessage_AdminCreateUser',
    'CustomMessage_ResendCode',
    'CustomMessage_ForgotPassword',
    'CustomMessage_UpdateUserAttribute',
    'CustomMessage_VerifyUserAttribute',
    'CustomMessage_Authentication',
  ],
  UserMigration: ['UserMigration_Authentication', 'UserMigration_ForgotPassword'],
  PostConfirmation: ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'],
} as const satisfies Readonly<Record<string, readonly TriggerSource[]>>;

/** A trigger that has fixtures: `PreSignUp`, `CustomMessage`, `UserMigration` or `PostConfirmation`. */
export type FixtureTrigger = keyof typeof FIXTURES_BY_TRIGGER;

/** Every trigger source that has a fixture file, in the order of {@link FIXTURES_BY_TRIGGER}. */
export const FIXTURE_SOURCES: readonly TriggerSource[] = [
  ...FIXTURES_BY_TRIGGER.PreSignUp,
  ...FIXTURES_BY_TRIGGER.CustomMessage,
  ...FIXTURES_BY_TRIGGER.UserMigration,
  ...FIXTURES_BY_TRIGGER.PostConfirmation,
];

// Compile-time check: the grouping lists every source of FixtureEventMap.
type UngroupedSources = Exclude<TriggerSource, (typeof FIXTURES_BY_TRIGGER)[FixtureTrigger][number]>;
const everySourceIsGrouped: [UngroupedSources] extends [never] ? true : UngroupedSources = true;
void everySourceIsGrouped;

/** Absolute path of the folder that holds the fixture files. */
export const FIXTURES_DIR: string = join(__dirname, '..', 'fixtures');

const parsed = new Map<TriggerSource, unknown>();

/** True when `value` names a trigger source that has a fixture. */
export function isFixtureSource(value: string): value is TriggerSource {
  return (FIXTURE_SOURCES as readonly string[]).includes(value);
}

/**
 * Returns a fresh deep copy of the recorded event for `source`, typed with its `@types/aws-lambda` event type.
 *
 * Each file is read and parsed once; every call returns a new `structuredClone`, so a test may mutate what it gets
 * without affecting any other test.
 *
 * @param source - the trigger source, which is also the fixture's file name (`test/fixtures/<source>.json`)
 * @returns the event exactly as recorded (including the `null` fields Cognito sends)
 * @throws Error when `source` has no fixture (only reachable by casting)
 */
export function loadFixture<S extends TriggerSource>(source: S): EventFor<S> {
  if (!isFixtureSource(source)) {
    throw new Error(`No fixture for trigger source "${String(source)}"; known: ${FIXTURE_SOURCES.join(', ')}`);
  }
  let event = parsed.get(source);
  if (event === undefined) {
    event = JSON.parse(readFileSync(join(FIXTURES_DIR, `${source}.json`), 'utf8')) as unknown;
    parsed.set(source, event);
  }
  return structuredClone(event) as EventFor<S>;
}
