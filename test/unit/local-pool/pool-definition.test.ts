import { type ServiceDefinition, translatePool } from '@scripts/local-pool/pool-definition';

const NO_VALUE = { Ref: 'AWS::NoValue' };
const POOL_REF = { Ref: 'CognitoUserPoolMain' };
/** The parts of a table definition that CreateTable takes as they are. */
const PROFILES_TABLE_KEYS = {
  TableName: 'cognito-flows-local-user-profiles',
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'sub', AttributeType: 'S' },
    { AttributeName: 'email', AttributeType: 'S' },
  ],
  KeySchema: [{ AttributeName: 'sub', KeyType: 'HASH' }],
};
const EMAIL_INDEX = {
  IndexName: 'by-email',
  KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
  Projection: { ProjectionType: 'ALL' },
};

/** A resolved service in the shape `serverless print` gives, trimmed to what the translation reads. */
function service(): ServiceDefinition {
  return {
    service: 'cognito-flows',
    provider: { stage: 'local', region: 'us-east-1' },
    functions: {
      preSignUp: {
        name: 'cognito-flows-local-preSignUp',
        events: [{ cognitoUserPool: { pool: 'Main', trigger: 'PreSignUp' } }],
      },
      postConfirmation: {
        name: 'cognito-flows-local-postConfirmation',
        events: [{ cognitoUserPool: { pool: 'Main', trigger: 'PostConfirmation' } }],
      },
      preAuthentication: {
        name: 'cognito-flows-local-preAuthentication',
        events: [{ cognitoUserPool: { pool: 'Main', trigger: 'PreAuthentication' } }],
      },
      worker: { name: 'cognito-flows-local-worker', events: [{ schedule: 'rate(1 hour)' }] },
    },
    resources: {
      Conditions: {
        SmsEnabled: { 'Fn::Equals': ['false', 'true'] },
        GoogleEnabled: { 'Fn::Equals': ['true', 'true'] },
        SamlEnabled: { 'Fn::Equals': ['false', 'true'] },
      },
      Resources: {
        CognitoUserPoolMain: {
          Type: 'AWS::Cognito::UserPool',
          Properties: {
            UserPoolName: 'cognito-flows-local',
            UsernameAttributes: ['email'],
            AliasAttributes: NO_VALUE,
            Schema: [{ Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true }],
            Policies: { PasswordPolicy: { MinimumLength: 12 } },
            AutoVerifiedAttributes: ['email'],
            LambdaConfig: { PreSignUp: { 'Fn::GetAtt': ['PreSignUpLambdaFunction', 'Arn'] } },
            SmsConfiguration: {
              'Fn::If': ['SmsEnabled', { SnsCallerArn: { 'Fn::GetAtt': ['SmsRole', 'Arn'] } }, NO_VALUE],
            },
            EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          },
        },
        WebClient: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            ClientName: 'cognito-flows-local-web',
            UserPoolId: POOL_REF,
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
            SupportedIdentityProviders: [
              'COGNITO',
              { 'Fn::If': ['GoogleEnabled', { Ref: 'GoogleIdentityProvider' }, NO_VALUE] },
              { 'Fn::If': ['SamlEnabled', { Ref: 'SamlIdentityProvider' }, NO_VALUE] },
            ],
          },
        },
        GoogleIdentityProvider: {
          Type: 'AWS::Cognito::UserPoolIdentityProvider',
          Condition: 'GoogleEnabled',
          Properties: { UserPoolId: POOL_REF, ProviderName: 'Google', ProviderType: 'Google' },
        },
        SamlIdentityProvider: {
          Type: 'AWS::Cognito::UserPoolIdentityProvider',
          Condition: 'SamlEnabled',
          Properties: {
            UserPoolId: POOL_REF,
            ProviderName: { 'Fn::GetAtt': ['Nothing', 'Here'] },
            ProviderType: 'SAML',
          },
        },
        DefaultUserGroup: {
          Type: 'AWS::Cognito::UserPoolGroup',
          Properties: {
            UserPoolId: POOL_REF,
            GroupName: 'users',
            Precedence: 100,
            RoleArn: { 'Fn::GetAtt': ['UsersRole', 'Arn'] },
          },
        },
        SmsRole: { Type: 'AWS::IAM::Role', Condition: 'SmsEnabled', Properties: {} },
        ProfilesTable: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            ...PROFILES_TABLE_KEYS,
            GlobalSecondaryIndexes: [{ ...EMAIL_INDEX, ContributorInsightsSpecification: { Enabled: true } }],
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { SSEEnabled: true, KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
            DeletionProtectionEnabled: true,
          },
        },
      },
    },
  };
}

describe('translatePool', () => {
  it('creates the pool under its name, without what has no local meaning', () => {
    const { userPool } = translatePool(service());

    expect(userPool).toEqual({
      PoolName: 'cognito-flows-local',
      UsernameAttributes: ['email'],
      Schema: [{ Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true }],
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: {
        PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:cognito-flows-local-preSignUp',
        PostConfirmation: 'arn:aws:lambda:us-east-1:000000000000:function:cognito-flows-local-postConfirmation',
        PreAuthentication: 'arn:aws:lambda:us-east-1:000000000000:function:cognito-flows-local-preAuthentication',
      },
    });
  });

  it('sets the MFA methods, their messages and the passkey settings through SetUserPoolMfaConfig', () => {
    const definition = service();
    Object.assign(definition.resources.Resources.CognitoUserPoolMain?.Properties ?? {}, {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'],
      EmailAuthenticationSubject: 'Your code',
      EmailAuthenticationMessage: 'Your code is {####}.',
      WebAuthnRelyingPartyID: NO_VALUE,
      WebAuthnUserVerification: 'required',
    });

    const { userPool, mfaConfig } = translatePool(definition);

    expect(mfaConfig).toEqual({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {},
      EmailMfaConfiguration: { Subject: 'Your code', Message: 'Your code is {####}.' },
      WebAuthnConfiguration: { UserVerification: 'required' },
    });
    expect(Object.keys(userPool).filter((key) => /Mfas|Authentication|WebAuthn/.test(key))).toEqual([]);
  });

  it('turns MFA off and offers no email MFA where the template does not', () => {
    expect(translatePool(service()).mfaConfig).toEqual({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });

  it('creates the app client with the identity providers that exist, referred to by provider name', () => {
    const { clients } = translatePool(service());

    expect(clients).toEqual([
      {
        ClientName: 'cognito-flows-local-web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        SupportedIdentityProviders: ['COGNITO', 'Google'],
      },
    ]);
  });

  it('creates the groups without their IAM roles', () => {
    expect(translatePool(service()).groups).toEqual([{ GroupName: 'users', Precedence: 100 }]);
  });

  it('creates the tables with their keys and indexes only', () => {
    expect(translatePool(service()).tables).toEqual({
      ProfilesTable: { ...PROFILES_TABLE_KEYS, GlobalSecondaryIndexes: [EMAIL_INDEX] },
    });
  });

  it('maps each trigger to its function, and lists the triggers the local pool never invokes', () => {
    const withSender = service();
    const pool = withSender.resources.Resources.CognitoUserPoolMain?.Properties as Record<string, unknown>;
    pool.LambdaConfig = {
      ...(pool.LambdaConfig as object),
      CustomEmailSender: { LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:sender', LambdaVersion: 'V1_0' },
    };

    const { triggerFunctions, unsupportedTriggers } = translatePool(withSender);

    expect(triggerFunctions).toEqual({
      PreSignUp: 'cognito-flows-local-preSignUp',
      PostConfirmation: 'cognito-flows-local-postConfirmation',
      PreAuthentication: 'cognito-flows-local-preAuthentication',
    });
    expect(unsupportedTriggers).toEqual(['CustomEmailSender']);
  });

  it("takes PreTokenGeneration's version from the pool's PreTokenGenerationConfig or the function's event", () => {
    const fromTemplate = service();
    const pool = fromTemplate.resources.Resources.CognitoUserPoolMain?.Properties as Record<string, unknown>;
    pool.LambdaConfig = {
      PreTokenGenerationConfig: {
        LambdaArn: { 'Fn::GetAtt': ['PreSignUpLambdaFunction', 'Arn'] },
        LambdaVersion: 'V2_0',
      },
    };
    const fromEvent = service();
    fromEvent.functions.tokens = {
      name: 'cognito-flows-local-tokens',
      events: [{ cognitoUserPool: { pool: 'Main', trigger: 'PreTokenGeneration', lambdaVersion: 'V3_0' } }],
    };

    expect(translatePool(fromTemplate).userPool.LambdaConfig?.PreTokenGenerationConfig).toEqual({
      LambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:cognito-flows-local-preSignUp',
      LambdaVersion: 'V2_0',
    });
    expect(translatePool(fromEvent).userPool.LambdaConfig?.PreTokenGenerationConfig).toEqual({
      LambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:cognito-flows-local-tokens',
      LambdaVersion: 'V3_0',
    });
  });

  it('needs exactly one user pool', () => {
    const none = service();
    delete none.resources.Resources.CognitoUserPoolMain;
    const two = service();
    two.resources.Resources.SecondPool = { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'second' } };

    expect(() => translatePool(none)).toThrow('the local pool needs exactly one AWS::Cognito::UserPool, found 0.');
    expect(() => translatePool(two)).toThrow('found 2.');
  });

  it('refuses clients of another pool and triggers of a pool the template does not declare', () => {
    const foreignClient = service();
    const client = foreignClient.resources.Resources.WebClient;
    if (client?.Properties) client.Properties.UserPoolId = 'us-east-1_Elsewhere';
    const foreignTrigger = service();
    foreignTrigger.functions.preSignUp = {
      name: 'x',
      events: [{ cognitoUserPool: { pool: 'Other', trigger: 'PreSignUp' } }],
    };

    expect(() => translatePool(foreignClient)).toThrow(
      'Cannot run WebClient.UserPoolId locally: it must be a Ref to CognitoUserPoolMain',
    );
    expect(() => translatePool(foreignTrigger)).toThrow('functions.preSignUp');
  });

  it('names a pool property whose value has no local counterpart', () => {
    const withIdentityArn = service();
    const pool = withIdentityArn.resources.Resources.CognitoUserPoolMain;
    if (pool?.Properties) pool.Properties.EmailConfiguration = { SourceArn: { 'Fn::GetAtt': ['Identity', 'Arn'] } };

    expect(() => translatePool(withIdentityArn)).toThrow(
      'Cannot run CognitoUserPoolMain.EmailConfiguration.SourceArn locally',
    );
  });
});
