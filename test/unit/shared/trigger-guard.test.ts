import { InvalidEventError } from '@shared/errors';
import { field } from '@shared/event-shape';
import { assertTriggerEvent } from '@shared/middleware/trigger-guard';
import type { TriggerDefinition } from '@shared/trigger';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

const PRE_SIGN_UP: TriggerDefinition<PreSignUpTriggerEvent> = {
  trigger: 'PreSignUp',
  sources: ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser'],
  requestFields: { userAttributes: field.stringMap },
};

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_AbCdEf123',
    userName: 'jane@example.com',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'abcdefghijklmnopqrstuvwxyz' },
    triggerSource: 'PreSignUp_SignUp',
    request: { userAttributes: { email: 'jane@example.com' }, validationData: null },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    ...overrides,
  };
}

function rejection(input: unknown): string {
  try {
    assertTriggerEvent(input, PRE_SIGN_UP);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as Error).message;
  }
  throw new Error('the event was accepted');
}

describe('assertTriggerEvent', () => {
  it('accepts a well-formed event and keeps fields it does not know', () => {
    const input = event({ newFieldFromCognito: { any: 'thing' } });

    expect(assertTriggerEvent(input, PRE_SIGN_UP)).toBe(input);
  });

  it.each([
    [null, 'Invalid PreSignUp event: expected an object, got null.'],
    ['{"a":1}', 'Invalid PreSignUp event: expected an object, got string.'],
    [[event()], 'Invalid PreSignUp event: expected an object, got an array.'],
  ])('rejects %p as not an object', (input, message) => {
    expect(rejection(input)).toBe(message);
  });

  it('names the expected sources when the event belongs to another trigger', () => {
    expect(rejection(event({ triggerSource: 'CustomMessage_SignUp' }))).toBe(
      'Invalid PreSignUp event: this function handles PreSignUp_SignUp, PreSignUp_AdminCreateUser; got triggerSource "CustomMessage_SignUp".',
    );
  });

  it('says when there is no trigger source, and cuts a huge one short', () => {
    expect(rejection(event({ triggerSource: undefined }))).toContain('got no triggerSource.');
    expect(rejection(event({ triggerSource: 'x'.repeat(10_000) })).length).toBeLessThan(300);
  });

  it.each([
    [{ request: undefined }, 'Invalid PreSignUp event: request must be an object.'],
    [{ request: 'text' }, 'Invalid PreSignUp event: request must be an object.'],
    [{ request: {} }, 'Invalid PreSignUp event: request.userAttributes must be an object.'],
    [{ request: { userAttributes: null } }, 'Invalid PreSignUp event: request.userAttributes must be an object.'],
    [
      { request: { userAttributes: { email_verified: true } } },
      'Invalid PreSignUp event: request.userAttributes["email_verified"] must be a string.',
    ],
    [{ userPoolId: 42 }, 'Invalid PreSignUp event: userPoolId must be a string.'],
    [{ userName: undefined }, 'Invalid PreSignUp event: userName must be a string.'],
    [{ response: 'ok' }, 'Invalid PreSignUp event: response must be an object.'],
  ])('names the malformed field in %p', (overrides, message) => {
    expect(rejection(event(overrides))).toBe(message);
  });

  it('gives an event without a response an empty one', () => {
    const input = event({ response: null });

    expect(assertTriggerEvent(input, PRE_SIGN_UP).response).toEqual({});
  });

  it('never quotes attribute values, only names', () => {
    const message = rejection(event({ request: { userAttributes: { email: 'jane@example.com', secret: 1 } } }));

    expect(message).not.toContain('jane');
    expect(message).toContain('["secret"]');
  });
});
