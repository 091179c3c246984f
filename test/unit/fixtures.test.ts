import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEDULED_FUNCTIONS } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';
import {
  FIXTURE_SOURCES,
  FIXTURES_BY_TRIGGER,
  FIXTURES_DIR,
  fixtureStates,
  isFixtureSource,
  loadFixture,
  type TriggerSource,
} from '@test/helpers/fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const POOL_ID = /^[a-z]{2}-[a-z]+-\d_[A-Za-z0-9]{9}$/;
const APP_CLIENT_ID = /^[a-z0-9]{26}$/;
const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USER_STATUSES = [
  'UNCONFIRMED',
  'CONFIRMED',
  'EXTERNAL_PROVIDER',
  'FORCE_CHANGE_PASSWORD',
  'RESET_REQUIRED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
];
/** Sources Cognito runs for an administrator's call, without an app client. */
const ADMIN_SOURCES: readonly TriggerSource[] = ['PreSignUp_AdminCreateUser', 'CustomMessage_AdminCreateUser'];
/** Sources of a machine client's token: its own app client, not the users' one. */
const MACHINE_SOURCES: readonly TriggerSource[] = ['TokenGeneration_ClientCredentials'];
/** The prefix of a trigger's sources where it is not the trigger's name. */
const SOURCE_PREFIX: Readonly<Record<string, string>> = { PreTokenGeneration: 'TokenGeneration' };
/** The event `version` of a source: PreTokenGeneration's follows the pool's LambdaVersion (V2_0; V3_0 for machines). */
function versionOf(source: TriggerSource): string {
  if (MACHINE_SOURCES.includes(source)) return '3';
  return source.startsWith('TokenGeneration_') ? '2' : '1';
}

/** The raw JSON of a fixture file, read without the loader. */
function readRaw(source: string): JsonObject {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${source}.json`), 'utf8')) as JsonObject;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(event: JsonObject, key: string): JsonObject {
  const value = event[key];
  if (!isObject(value)) throw new Error(`${key} is not an object`);
  return value;
}

/** Asserts a string map (userAttributes, validationData, clientMetadata): every value is a string. */
function expectStringMap(value: Json | undefined): void {
  expect(isObject(value)).toBe(true);
  for (const entry of Object.values(value as JsonObject)) expect(typeof entry).toBe('string');
}

/** The sources whose fixture file exists: the others fail the first test below, not the whole suite. */
const RECORDED = FIXTURE_SOURCES.filter((source) => existsSync(join(FIXTURES_DIR, `${source}.json`)));
const raw = new Map(RECORDED.map((source) => [source, readRaw(source)] as const));
const fixture = (source: TriggerSource): JsonObject => {
  const event = raw.get(source);
  if (event === undefined) throw new Error(`missing ${source}`);
  return event;
};

describe('fixture files', () => {
  it('exist for every trigger source of a registered function', () => {
    const files = readdirSync(FIXTURES_DIR);

    expect(FIXTURE_SOURCES.filter((source) => !files.includes(`${source}.json`))).toEqual([]);
    expect(new Set(FIXTURE_SOURCES).size).toBe(FIXTURE_SOURCES.length);
  });

  it('are only for trigger sources of registered functions (and their states), with no other files beside README.md', () => {
    const files = readdirSync(FIXTURES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'README.md')
      .map((entry) => entry.name);
    const states = fixtureStates().map(({ source, state }) => `${source}.${state}.json`);

    expect(files.filter((file) => !isFixtureSource(file.replace(/\.json$/, '')) && !states.includes(file))).toEqual([]);
  });

  it('have one scheduled event per scheduled function, in scheduled/, named after its folder', () => {
    const files = readdirSync(join(FIXTURES_DIR, 'scheduled'));

    expect(files.sort()).toEqual(SCHEDULED_FUNCTIONS.map(({ name }) => `${folderOf(name)}.json`).sort());
  });

  it('are each described in test/fixtures/README.md', () => {
    const readme = readFileSync(join(FIXTURES_DIR, 'README.md'), 'utf8');

    expect(FIXTURE_SOURCES.filter((source) => !readme.includes(`| \`${source}.json\` |`))).toEqual([]);
    const rowOf = (source: string) =>
      readme.split('\n').find((line) => line.startsWith(`| \`${source}.json\` |`)) ?? '';
    expect(fixtureStates().filter(({ source, state }) => !rowOf(source).includes(`\`.${state}\``))).toEqual([]);
  });

  it('group every source under the trigger named by its prefix', () => {
    const grouped = Object.entries(FIXTURES_BY_TRIGGER).flatMap(([trigger, sources]) => {
      for (const source of sources) expect(source.startsWith(`${SOURCE_PREFIX[trigger] ?? trigger}_`)).toBe(true);
      return [...sources];
    });

    expect(grouped.sort()).toEqual([...FIXTURE_SOURCES].sort());
    expect(FIXTURES_BY_TRIGGER.PreSignUp).toHaveLength(3);
    expect(FIXTURES_BY_TRIGGER.CustomMessage).toHaveLength(7);
    expect(FIXTURES_BY_TRIGGER.UserMigration).toHaveLength(2);
    expect(FIXTURES_BY_TRIGGER.PostConfirmation).toHaveLength(2);
    expect(FIXTURES_BY_TRIGGER.PreTokenGeneration).toHaveLength(6);
    expect(FIXTURES_BY_TRIGGER.DefineAuthChallenge).toHaveLength(1);
    expect(FIXTURES_BY_TRIGGER.CreateAuthChallenge).toHaveLength(1);
    expect(FIXTURES_BY_TRIGGER.VerifyAuthChallengeResponse).toHaveLength(1);
  });

  it('all come from one user pool and one app client', () => {
    const pools = new Set(RECORDED.map((source) => fixture(source).userPoolId));
    const clients = new Set(
      RECORDED.filter((source) => !ADMIN_SOURCES.includes(source) && !MACHINE_SOURCES.includes(source)).map(
        (source) => objectAt(fixture(source), 'callerContext').clientId,
      ),
    );

    expect(pools.size).toBe(1);
    expect(clients.size).toBe(1);
  });

  it('use only example.com / example.org addresses', () => {
    for (const source of RECORDED) {
      const text = JSON.stringify(fixture(source));
      for (const address of text.match(/[\w.+-]+@[\w.-]+/g) ?? []) {
        expect(address).toMatch(/@example\.(com|org)$/);
      }
    }
  });

  it('carry a "fr" locale in exactly one fixture and otherwise "en" or none', () => {
    const locales = RECORDED.map((source) => {
      const attributes = objectAt(fixture(source), 'request').userAttributes;
      return isObject(attributes) ? attributes.locale : undefined;
    });

    expect(locales.filter((locale) => locale === 'fr')).toHaveLength(1);
    for (const locale of locales) expect([undefined, 'fr', 'en']).toContain(locale);
  });
});

describe.each(RECORDED)('%s.json', (source) => {
  const event = fixture(source);
  const request = objectAt(event, 'request');

  it('has the common fields of every Cognito trigger event, and nothing else at the top level', () => {
    expect(Object.keys(event).sort()).toEqual(
      ['callerContext', 'region', 'request', 'response', 'triggerSource', 'userName', 'userPoolId', 'version'].sort(),
    );
    expect(event.triggerSource).toBe(source);
    expect(event.version).toBe(versionOf(source));
    expect(event.region).toBe('us-east-1');
    expect(event.userPoolId).toMatch(POOL_ID);
    expect(String(event.userPoolId).startsWith(`${String(event.region)}_`)).toBe(true);
    expect(typeof event.userName).toBe('string');
    expect(event.userName).not.toBe('');
  });

  it('has a callerContext with an SDK version and the app client id (or the admin value)', () => {
    const callerContext = objectAt(event, 'callerContext');

    expect(Object.keys(callerContext).sort()).toEqual(['awsSdkVersion', 'clientId']);
    expect(callerContext.awsSdkVersion).toMatch(/^aws-sdk-[a-z]+-[\w.]+$/);
    if (ADMIN_SOURCES.includes(source)) {
      expect(callerContext.clientId).toBe(NO_CLIENT);
    } else {
      expect(callerContext.clientId).toMatch(APP_CLIENT_ID);
    }
  });

  it('has string attribute values only, in the shapes Cognito uses', () => {
    const attributes = request.userAttributes;
    if (attributes === null) return; // UserMigration requests carry userAttributes: null.

    expectStringMap(attributes);
    const map = attributes as Record<string, string>;
    if ('sub' in map) expect(map.sub).toMatch(UUID);
    for (const flag of ['email_verified', 'phone_number_verified']) {
      if (flag in map) expect(['true', 'false']).toContain(map[flag]);
    }
    if ('cognito:user_status' in map) expect(USER_STATUSES).toContain(map['cognito:user_status']);
  });

  it('has validationData and clientMetadata as string maps (or null) when present', () => {
    for (const key of ['validationData', 'clientMetadata']) {
      if (!(key in request) || request[key] === null) continue;
      expectStringMap(request[key]);
    }
  });
});

describe('PreSignUp fixtures', () => {
  it.each(FIXTURES_BY_TRIGGER.PreSignUp)('%s has the three response flags, all false', (source) => {
    const event = fixture(source);

    expect(objectAt(event, 'response')).toEqual({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
    expect(Object.keys(objectAt(event, 'request'))).toEqual(
      expect.arrayContaining(['userAttributes', 'validationData']),
    );
  });

  it('are requests for users that do not exist yet: no sub, no cognito:user_status', () => {
    for (const source of FIXTURES_BY_TRIGGER.PreSignUp) {
      const attributes = objectAt(objectAt(fixture(source), 'request'), 'userAttributes');
      expect(attributes).not.toHaveProperty('sub');
      expect(attributes).not.toHaveProperty('cognito:user_status');
    }
  });

  it('keep one SignUp with validationData sent and an AdminCreateUser with validationData null', () => {
    expectStringMap(objectAt(fixture('PreSignUp_SignUp'), 'request').validationData);
    expect(objectAt(fixture('PreSignUp_AdminCreateUser'), 'request').validationData).toBeNull();
  });

  it('name the federated user <provider>_<subject>', () => {
    expect(fixture('PreSignUp_ExternalProvider').userName).toMatch(/^google_\d+$/);
  });
});

describe('CustomMessage fixtures', () => {
  it.each(FIXTURES_BY_TRIGGER.CustomMessage)('%s has the placeholders and a null response', (source) => {
    const event = fixture(source);
    const request = objectAt(event, 'request');

    expect(request.codeParameter).toBe('{####}');
    expect(request.usernameParameter).toBe(source === 'CustomMessage_AdminCreateUser' ? '{username}' : null);
    expect([null, '{##Click Here##}']).toContain(request.linkParameter);
    expect(objectAt(event, 'response')).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });
});

describe('UserMigration fixtures', () => {
  it.each(FIXTURES_BY_TRIGGER.UserMigration)('%s is for the legacy user, with a response of six nulls', (source) => {
    const event = fixture(source);

    expect(event.userName).toBe('legacy.user@example.com');
    expect(objectAt(event, 'response')).toEqual({
      userAttributes: null,
      forceAliasCreation: null,
      enableSMSMFA: null,
      finalUserStatus: null,
      messageAction: null,
      desiredDeliveryMediums: null,
    });
    expect(objectAt(event, 'request').validationData).toBeNull();
  });

  it('carry the plaintext password on Authentication only (the key is absent on ForgotPassword)', () => {
    expect(objectAt(fixture('UserMigration_Authentication'), 'request').password).toBe('Legacy-Passw0rd!');
    expect(objectAt(fixture('UserMigration_ForgotPassword'), 'request')).not.toHaveProperty('password');
  });
});

describe('PostConfirmation fixtures', () => {
  it.each(FIXTURES_BY_TRIGGER.PostConfirmation)('%s is for a confirmed user and has an empty response', (source) => {
    const event = fixture(source);
    const attributes = objectAt(objectAt(event, 'request'), 'userAttributes');

    expect(objectAt(event, 'response')).toEqual({});
    expect(attributes['cognito:user_status']).toBe('CONFIRMED');
    expect(attributes.sub).toBe(event.userName);
  });
});

describe('custom authentication fixtures', () => {
  const CHALLENGE_SOURCES: TriggerSource[] = [
    ...FIXTURES_BY_TRIGGER.DefineAuthChallenge,
    ...FIXTURES_BY_TRIGGER.CreateAuthChallenge,
    ...FIXTURES_BY_TRIGGER.VerifyAuthChallengeResponse,
  ];
  const EVERY_STATE = [
    ...CHALLENGE_SOURCES.map((source) => ({ source, state: undefined as string | undefined })),
    ...fixtureStates().filter(({ source }) => CHALLENGE_SOURCES.includes(source)),
  ];

  it('record every state of a sign-in: first call, method chosen, wrong answer, last wrong answer, unknown user, magic link', () => {
    const states = (source: TriggerSource) =>
      fixtureStates()
        .filter((known) => known.source === source)
        .map(({ state }) => state)
        .sort();

    expect(states('DefineAuthChallenge_Authentication')).toEqual([
      'last-wrong-answer',
      'magic-link',
      'method-chosen',
      'right-answer',
      'user-not-found',
      'wrong-answer',
    ]);
    expect(states('CreateAuthChallenge_Authentication')).toEqual([
      'email-code',
      'magic-link',
      'user-not-found',
      'wrong-answer',
    ]);
    expect(states('VerifyAuthChallengeResponse_Authentication')).toEqual([
      'email-code',
      'magic-link',
      'user-not-found',
      'wrong-answer',
    ]);
  });

  it.each(EVERY_STATE)(
    '$source $state keeps its source, a null response and the flag of an unknown user',
    ({ source, state }) => {
      const event = loadFixture(source, state) as unknown as JsonObject;
      const request = objectAt(event, 'request');

      expect(event.triggerSource).toBe(source);
      expect(Object.values(objectAt(event, 'response')).every((value) => value === null)).toBe(true);
      expect(request.userNotFound).toBe(state === 'user-not-found');
      expect(Object.keys(objectAt(request, 'userAttributes')).length === 0).toBe(state === 'user-not-found');
    },
  );
});

describe('PreTokenGeneration fixtures', () => {
  it.each(FIXTURES_BY_TRIGGER.PreTokenGeneration)('%s asks for the V2/V3 answer, which is null', (source) => {
    const event = fixture(source);
    const request = objectAt(event, 'request');

    expect(objectAt(event, 'response')).toEqual({ claimsAndScopeOverrideDetails: null });
    expect(Array.isArray(request.scopes)).toBe(true);
    expect(Object.keys(request)).toEqual(expect.arrayContaining(['userAttributes', 'groupConfiguration', 'scopes']));
  });

  it('carry the user’s groups with a null preferred role, and no user for the machine client', () => {
    const groups = objectAt(objectAt(fixture('TokenGeneration_Authentication'), 'request'), 'groupConfiguration');
    const machine = objectAt(fixture('TokenGeneration_ClientCredentials'), 'request');

    expect(groups).toEqual({ groupsToOverride: ['admins', 'users'], iamRolesToOverride: [], preferredRole: null });
    expect(machine.userAttributes).toEqual({});
    expect(machine.groupConfiguration).toBeNull();
  });
});

describe('loadFixture', () => {
  it.each(RECORDED)('returns %s exactly as recorded', (source) => {
    expect(loadFixture(source)).toEqual(readRaw(source));
  });

  it('returns independent deep copies: mutating one does not change the next', () => {
    // Arrange
    const first = loadFixture('CustomMessage_SignUp');

    // Act
    first.request.userAttributes.email = 'changed@example.com';
    first.response.emailMessage = 'changed';
    first.callerContext.clientId = 'changed';
    const second = loadFixture('CustomMessage_SignUp');

    // Assert
    expect(second).not.toBe(first);
    expect(second.request).not.toBe(first.request);
    expect(second.request.userAttributes.email).toBe('camille.durand@example.org');
    expect(second.response.emailMessage).toBeNull();
    expect(second.callerContext.clientId).toMatch(APP_CLIENT_ID);
  });

  it('is typed with the event type of the requested source', () => {
    const event = loadFixture('PreSignUp_SignUp');
    const source: 'PreSignUp_SignUp' = event.triggerSource;
    const autoConfirm: boolean = event.response.autoConfirmUser;

    expect(source).toBe('PreSignUp_SignUp');
    expect(autoConfirm).toBe(false);
  });

  it('refuses a source that has no fixture', () => {
    expect(() => loadFixture('NoSuchTrigger_Source' as TriggerSource)).toThrow(
      'No fixture for trigger source "NoSuchTrigger_Source"',
    );
    expect(() => loadFixture('../package' as TriggerSource)).toThrow(/No fixture/);
  });
});
