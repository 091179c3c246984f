import {
  evaluateConditions,
  resolveValue,
  resourceExists,
  type Template,
  UnresolvableValueError,
} from '@scripts/local-pool/cloudformation';

function templateWith(conditions: Record<string, unknown>): Template {
  return { Resources: {}, Conditions: conditions };
}

describe('evaluateConditions', () => {
  it('evaluates Fn::Equals, Fn::Not, Fn::And, Fn::Or and references to other conditions', () => {
    const template = templateWith({
      Sms: { 'Fn::Equals': ['true', 'true'] },
      Google: { 'Fn::Equals': ['false', 'true'] },
      NoGoogle: { 'Fn::Not': [{ Condition: 'Google' }] },
      Both: { 'Fn::And': [{ Condition: 'Sms' }, { Condition: 'Google' }] },
      Either: { 'Fn::Or': [{ Condition: 'Sms' }, { Condition: 'Google' }] },
      Numbers: { 'Fn::Equals': [1, '1'] },
    });

    const conditions = evaluateConditions(template);

    expect(Object.fromEntries(conditions)).toEqual({
      Sms: true,
      Google: false,
      NoGoogle: true,
      Both: false,
      Either: true,
      Numbers: true,
    });
  });

  it('names a condition that refers to an unknown or to itself', () => {
    expect(() => evaluateConditions(templateWith({ A: { Condition: 'Missing' } }))).toThrow(
      new UnresolvableValueError('Conditions.A', 'there is no condition "Missing".'),
    );
    expect(() => evaluateConditions(templateWith({ A: { 'Fn::Not': [{ Condition: 'A' }] } }))).toThrow(
      'condition "A" refers to itself',
    );
  });

  it('refuses functions that are not condition functions, naming where they are', () => {
    expect(() =>
      evaluateConditions(templateWith({ A: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } })),
    ).toThrow('Cannot run Conditions.A[0] locally: Fn::Equals compares values that are not plain strings.');
  });
});

describe('resourceExists', () => {
  const conditions = new Map([
    ['On', true],
    ['Off', false],
  ]);

  it('keeps resources without a condition or with a true one', () => {
    expect(resourceExists({ Type: 'AWS::Cognito::UserPoolGroup' }, conditions)).toBe(true);
    expect(resourceExists({ Type: 'AWS::Cognito::UserPoolGroup', Condition: 'On' }, conditions)).toBe(true);
    expect(resourceExists({ Type: 'AWS::Cognito::UserPoolGroup', Condition: 'Off' }, conditions)).toBe(false);
  });

  it('names a condition the template does not define', () => {
    expect(() => resourceExists({ Type: 'AWS::SNS::Topic', Condition: 'Nowhere' }, conditions)).toThrow(
      'Condition Nowhere',
    );
  });
});

describe('resolveValue', () => {
  const context = {
    conditions: new Map([
      ['On', true],
      ['Off', false],
    ]),
    refs: { CognitoUserPoolMain: 'local_pool' },
  };

  it('picks the Fn::If branch of the condition and resolves Ref to local resources', () => {
    const value = {
      Pool: { Ref: 'CognitoUserPoolMain' },
      Mode: { 'Fn::If': ['On', 'yes', 'no'] },
      Other: { 'Fn::If': ['Off', 'yes', 'no'] },
    };

    expect(resolveValue(value, 'Client', context)).toEqual({ Pool: 'local_pool', Mode: 'yes', Other: 'no' });
  });

  it('leaves out properties and list items that resolve to AWS::NoValue', () => {
    const value = {
      Providers: ['COGNITO', { 'Fn::If': ['Off', 'Google', { Ref: 'AWS::NoValue' }] }],
      Sms: { 'Fn::If': ['Off', { ExternalId: 'x' }, { Ref: 'AWS::NoValue' }] },
      Aliases: { Ref: 'AWS::NoValue' },
    };

    expect(resolveValue(value, 'Pool', context)).toEqual({ Providers: ['COGNITO'] });
    expect(resolveValue({ Ref: 'AWS::NoValue' }, 'Pool.Aliases', context)).toBeUndefined();
  });

  it('refuses values with no local counterpart, naming the property path', () => {
    expect(() => resolveValue({ Role: { 'Fn::GetAtt': ['SmsRole', 'Arn'] } }, 'Pool', context)).toThrow(
      'Cannot run Pool.Role locally: Fn::GetAtt has no local counterpart.',
    );
    expect(() => resolveValue([{ Ref: 'Elsewhere' }], 'Client.Providers', context)).toThrow(
      'Cannot run Client.Providers[0] locally: Ref Elsewhere has no local counterpart.',
    );
    expect(() => resolveValue({ 'Fn::If': ['Unknown', 'a', 'b'] }, 'Pool.Mode', context)).toThrow(
      'unknown condition "Unknown"',
    );
  });

  it('keeps plain values, including objects whose single key is not an intrinsic function', () => {
    const value = { PasswordPolicy: { MinimumLength: 12 }, Flags: [true, 0, null] };

    expect(resolveValue(value, 'Pool', context)).toEqual(value);
  });
});
