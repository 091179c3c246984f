import { InvalidEventError } from '@shared/errors';
import { field, shapeProblem } from '@shared/event-shape';
import { assertTriggerEvent } from '@shared/middleware/trigger-guard';
import type { TriggerDefinition, TriggerEvent } from '@shared/trigger';

/** The request fields of the coming triggers, as they will declare them. */
const GROUP_CONFIGURATION = field.objectOf({
  groupsToOverride: field.arrayOf(field.string),
  iamRolesToOverride: field.arrayOf(field.string),
  preferredRole: field.nullable(field.string),
});
const SESSION = field.arrayOf(
  field.objectOf({
    challengeName: field.string,
    challengeResult: field.boolean,
    challengeMetadata: field.optional(field.nullable(field.string)),
  }),
);

const TOKEN_GENERATION: TriggerDefinition<TriggerEvent, 'PreTokenGeneration'> = {
  trigger: 'PreTokenGeneration',
  sources: ['TokenGeneration_Authentication'],
  requestFields: {
    userAttributes: field.stringMap,
    groupConfiguration: GROUP_CONFIGURATION,
    scopes: field.optional(field.arrayOf(field.string)),
    clientMetadata: field.optional(field.nullable(field.stringMap)),
  },
};

function tokenGenerationEvent(request: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'us-east-1',
    userPoolId: 'us-east-1_AbCdEf123',
    userName: 'jane',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'abcdefghijklmnopqrstuvwxyz' },
    request: {
      userAttributes: { sub: 'a1b2', email: 'jane@example.com' },
      groupConfiguration: { groupsToOverride: ['users'], iamRolesToOverride: [], preferredRole: null },
      ...request,
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
}

describe('shapeProblem', () => {
  it.each([
    [field.string, 'x'],
    [field.boolean, false],
    [field.number, 0],
    [field.stringMap, { a: 'b' }],
    [field.arrayOf(field.string), []],
    [field.nullable(field.string), null],
    [field.optional(field.string), undefined],
    [field.optional(field.nullable(field.stringMap)), null],
    [GROUP_CONFIGURATION, { groupsToOverride: ['a'], iamRolesToOverride: ['arn'], preferredRole: 'arn', extra: 1 }],
    [
      SESSION,
      [
        { challengeName: 'SRP_A', challengeResult: true },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: null },
      ],
    ],
  ])('accepts %j holding %j', (shape, value) => {
    expect(shapeProblem(value, shape, 'request.field')).toBeUndefined();
  });

  it.each([
    [field.string, 42, 'request.field must be a string.'],
    [field.boolean, 'true', 'request.field must be true or false.'],
    [field.number, Number.NaN, 'request.field must be a number.'],
    [field.arrayOf(field.string), { 0: 'a' }, 'request.field must be an array.'],
    [field.arrayOf(field.string), ['a', 7], 'request.field[1] must be a string.'],
    [field.nullable(field.string), undefined, 'request.field must be a string or null.'],
    [field.optional(field.string), null, 'request.field must be a string.'],
    [field.optional(field.nullable(field.stringMap)), [], 'request.field must be an object or null.'],
    [field.stringMap, { ok: 'x', count: 3 }, 'request.field["count"] must be a string.'],
    [GROUP_CONFIGURATION, { groupsToOverride: 'users' }, 'request.field.groupsToOverride must be an array.'],
    [
      GROUP_CONFIGURATION,
      { groupsToOverride: [], iamRolesToOverride: [], preferredRole: 3 },
      'request.field.preferredRole must be a string or null.',
    ],
    [
      SESSION,
      [
        { challengeName: 'SRP_A', challengeResult: true },
        { challengeName: 9, challengeResult: true },
      ],
      'request.field[1].challengeName must be a string.',
    ],
    [SESSION, [null], 'request.field[0] must be an object.'],
  ])('names the path in %j holding %j', (shape, value, message) => {
    expect(shapeProblem(value, shape, 'request.field')).toBe(message);
  });

  it('reads only own fields, so an inherited name does not count as present', () => {
    const shape = field.objectOf({ constructor: field.string });

    expect(shapeProblem({}, shape, 'request.field')).toBe('request.field.constructor must be a string.');
  });
});

describe('assertTriggerEvent with nested request fields', () => {
  it('accepts an event of the declared shape, with fields it does not know', () => {
    const event = tokenGenerationEvent({ scopes: ['openid'], clientMetadata: null, newField: { any: 'thing' } });

    expect(assertTriggerEvent(event, TOKEN_GENERATION)).toBe(event);
  });

  it.each([
    [{ groupConfiguration: null }, 'request.groupConfiguration must be an object.'],
    [{ scopes: 'openid email' }, 'request.scopes must be an array.'],
    [{ clientMetadata: { key: 1 } }, 'request.clientMetadata["key"] must be a string.'],
    [
      { groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [{}], preferredRole: null } },
      'request.groupConfiguration.iamRolesToOverride[0] must be a string.',
    ],
  ])('refuses %j naming the field, never its value', (request, problem) => {
    const refusal = () => assertTriggerEvent(tokenGenerationEvent(request), TOKEN_GENERATION);

    expect(refusal).toThrow(InvalidEventError);
    expect(refusal).toThrow(`Invalid PreTokenGeneration event: ${problem}`);
  });
});
