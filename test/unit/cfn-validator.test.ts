import { validateTemplate } from '@test/helpers/cfn-validator';

/** A template with one resource, for checks that are about a single resource. */
function withResource(type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { Resources: { Subject: { Type: type, Properties: properties } }, ...extra };
}

/** Two queues, for checks that are about references between resources. */
function withQueues(first: Record<string, unknown>, second: Record<string, unknown> = {}) {
  return {
    Resources: {
      First: { Type: 'AWS::SQS::Queue', ...first },
      Second: { Type: 'AWS::SQS::Queue', ...second },
    },
  };
}

const IS_PROD = { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } };
const STAGE_PARAMETER = { Stage: { Type: 'String', Default: 'dev' } };

const cognitoTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'A user pool with a PreSignUp trigger and an app client',
  Parameters: STAGE_PARAMETER,
  Conditions: { ...IS_PROD, NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] } },
  Resources: {
    TriggerRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [
          {
            PolicyName: 'pool',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'cognito-idp:AdminGetUser',
                  Resource: {
                    'Fn::Sub': 'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/*',
                  },
                },
              ],
            },
          },
        ],
      },
    },
    PreSignUpFunction: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Timeout: 5,
        Code: { ZipFile: 'exports.handler = async (event) => event;' },
        Role: { 'Fn::GetAtt': ['TriggerRole', 'Arn'] },
        Environment: {
          Variables: {
            STAGE: { Ref: 'Stage' },
            GREETING: { 'Fn::Sub': ['${!Literal} ${Name}', { Name: { Ref: 'AWS::StackName' } }] },
          },
        },
      },
    },
    UserPool: {
      Type: 'AWS::Cognito::UserPool',
      DependsOn: ['PreSignUpFunction'],
      Properties: {
        UserPoolName: { 'Fn::Sub': '${AWS::StackName}-users' },
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
        LambdaConfig: { PreSignUp: { 'Fn::GetAtt': 'PreSignUpFunction.Arn' } },
        DeletionProtection: { 'Fn::If': ['IsProd', 'ACTIVE', 'INACTIVE'] },
        EnabledMfas: { 'Fn::If': ['IsProd', ['SOFTWARE_TOKEN_MFA'], { Ref: 'AWS::NoValue' }] },
        UserPoolTags: { stage: { Ref: 'Stage' } },
      },
    },
    UserPoolClient: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        UserPoolId: { Ref: 'UserPool' },
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      },
    },
    PreSignUpPermission: {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': ['PreSignUpFunction', 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': ['UserPool', 'Arn'] },
      },
    },
    AdminGroup: {
      Type: 'AWS::Cognito::UserPoolGroup',
      Condition: 'IsProd',
      Properties: { UserPoolId: { Ref: 'UserPool' }, GroupName: 'admins', Precedence: 0 },
    },
  },
  Outputs: {
    UserPoolId: {
      Value: { Ref: 'UserPool' },
      Export: { Name: { 'Fn::Sub': '${AWS::StackName}-UserPoolId' } },
    },
    ProviderUrl: { Value: { 'Fn::Sub': 'https://${UserPool.ProviderURL}' } },
    AdminGroup: { Condition: 'IsProd', Value: { Ref: 'AdminGroup' } },
  },
};

describe('validateTemplate', () => {
  describe('accepts', () => {
    it('a valid Cognito user pool, app client and Lambda permission template', async () => {
      expect(await validateTemplate(cognitoTemplate)).toEqual([]);
    });

    it('strings for numbers and booleans, and numbers for strings, as CloudFormation does', async () => {
      const template = withResource('AWS::Cognito::UserPool', {
        UserPoolName: 42,
        Policies: { PasswordPolicy: { MinimumLength: '12', RequireSymbols: 'true' } },
      });

      expect(await validateTemplate(template)).toEqual([]);
    });

    it('custom resources with any properties and attributes', async () => {
      const template = {
        Resources: {
          Seed: { Type: 'Custom::SeedUsers', Properties: { ServiceToken: 'arn:aws:lambda:x', Anything: { a: [1] } } },
          Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['Seed', 'Whatever'] } } },
        },
      };

      expect(await validateTemplate(template)).toEqual([]);
    });

    it('attribute names with dots where the spec has them, and nested stack outputs', async () => {
      const template = {
        Resources: {
          Database: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro' } },
          Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } },
          Queue: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              QueueName: { 'Fn::GetAtt': 'Database.Endpoint.Address' },
              RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Nested', 'Outputs.DeadLetterQueueArn'] } },
            },
          },
        },
      };

      expect(await validateTemplate(template)).toEqual([]);
    });

    it('any alternative of a union type', async () => {
      const transform = { Transform: 'AWS::Serverless-2016-10-31' };
      const asString = withResource('AWS::Serverless::Function', { CodeUri: 'dist/' }, transform);
      const asObject = withResource('AWS::Serverless::Function', { CodeUri: { Bucket: 'b', Key: 'k' } }, transform);
      const asLaterAlternative = withResource(
        'AWS::Serverless::Function',
        { Policies: [{ DynamoDBReadPolicy: { TableName: 'profiles' } }] },
        transform,
      );

      expect(await validateTemplate(asString)).toEqual([]);
      expect(await validateTemplate(asObject)).toEqual([]);
      expect(await validateTemplate(asLaterAlternative)).toEqual([]);
    });
  });

  describe('template shape', () => {
    it('rejects a template that is not an object', async () => {
      expect(await validateTemplate([])).toEqual([{ path: '', message: 'a template must be a JSON object' }]);
    });

    it('requires a Resources object', async () => {
      expect(await validateTemplate({ Description: 'empty' })).toEqual([
        { path: 'Resources', message: 'the Resources section is required and must be an object' },
      ]);
    });

    it('rejects unknown top-level sections', async () => {
      const template = { ...withQueues({}), Output: {} };

      expect(await validateTemplate(template)).toEqual([
        { path: 'Output', message: "unknown top-level section 'Output'" },
      ]);
    });

    it('requires a Type on every resource and rejects unknown resource attributes', async () => {
      const template = { Resources: { Queue: { Properties: {}, DependOn: 'Other' } } };

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.Queue.DependOn', message: "unknown resource attribute 'DependOn'" },
        { path: 'Resources.Queue.Type', message: 'a resource must have a Type string' },
      ]);
    });
  });

  describe('resource types', () => {
    it('rejects a type that is not in the CloudFormation spec', async () => {
      const template = withResource('AWS::Cognito::UserPoool', {});

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.Subject.Type', message: "unknown resource type 'AWS::Cognito::UserPoool'" },
      ]);
    });
  });

  describe('properties', () => {
    it('rejects an unknown property name, with a hint when only the case differs', async () => {
      const template = withResource('AWS::Cognito::UserPool', { userPoolName: 'users' });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.userPoolName',
          message: "unknown property 'userPoolName' of AWS::Cognito::UserPool (did you mean 'UserPoolName'?)",
        },
      ]);
    });

    it('rejects a string outside the values the schema allows, in a nested type too', async () => {
      const template = withResource('AWS::Cognito::UserPool', {
        UserPoolTier: 'GOLD',
        MfaConfiguration: 'OFF',
      });
      const branding = withResource('AWS::Cognito::ManagedLoginBranding', {
        UserPoolId: 'pool',
        Assets: [{ Category: 'LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
      });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.UserPoolTier',
          message: 'expected one of LITE, ESSENTIALS, PLUS, got string "GOLD"',
        },
      ]);
      expect(await validateTemplate(branding)).toEqual([
        {
          path: 'Resources.Subject.Properties.Assets[0].Category',
          message: expect.stringMatching(/^expected one of FAVICON_ICO, .*, got string "LOGO"$/),
        },
      ]);
    });

    it('rejects an unknown property name of a nested property type', async () => {
      const template = withResource('AWS::Cognito::UserPool', { Policies: { PasswordPolicy: { MinLength: 8 } } });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.Policies.PasswordPolicy.MinLength',
          message: "unknown property 'MinLength' of PasswordPolicy",
        },
      ]);
    });

    it.each([
      ['an object for a string', { UserPoolName: { name: 'users' } }, 'UserPoolName', 'expected string, got an object'],
      [
        'a string for a list',
        { AutoVerifiedAttributes: 'email' },
        'AutoVerifiedAttributes',
        'expected list of string, got string "email"',
      ],
      [
        'a non-numeric string for an integer',
        { Policies: { PasswordPolicy: { MinimumLength: 'twelve' } } },
        'Policies.PasswordPolicy.MinimumLength',
        'expected integer, got string "twelve"',
      ],
      [
        'a fraction for an integer',
        { Policies: { PasswordPolicy: { MinimumLength: 8.5 } } },
        'Policies.PasswordPolicy.MinimumLength',
        'expected integer, got number 8.5',
      ],
      [
        'a word for a boolean',
        { Policies: { PasswordPolicy: { RequireSymbols: 'yes' } } },
        'Policies.PasswordPolicy.RequireSymbols',
        'expected boolean, got string "yes"',
      ],
      [
        'a string for a nested type',
        { Policies: 'strict' },
        'Policies',
        'expected Policies object, got string "strict"',
      ],
      [
        'a list item of the wrong type',
        { Schema: ['email'] },
        'Schema[0]',
        'expected SchemaAttribute object, got string "email"',
      ],
      [
        'a map value of the wrong type',
        { UserPoolTags: { stage: ['dev'] } },
        'UserPoolTags.stage',
        'expected string, got a list',
      ],
    ])('rejects %s', async (_case, properties, path, message) => {
      const template = withResource('AWS::Cognito::UserPool', properties);

      expect(await validateTemplate(template)).toEqual([{ path: `Resources.Subject.Properties.${path}`, message }]);
    });

    it('checks each Fn::If branch against the property type', async () => {
      const template = withResource(
        'AWS::Cognito::UserPool',
        { AutoVerifiedAttributes: { 'Fn::If': ['IsProd', ['email'], 'email'] } },
        { Parameters: STAGE_PARAMETER, Conditions: IS_PROD },
      );

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.AutoVerifiedAttributes.Fn::If[2]',
          message: 'expected list of string, got string "email"',
        },
      ]);
    });

    it('rejects a value that matches no alternative of a union type', async () => {
      const template = withResource(
        'AWS::Serverless::Function',
        { CodeUri: ['dist/'] },
        { Transform: 'AWS::Serverless-2016-10-31' },
      );

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.Subject.Properties.CodeUri', message: 'expected string or S3Location object, got a list' },
      ]);
    });

    it('reports the nested problem of the union alternative whose shape fits', async () => {
      const template = withResource(
        'AWS::Serverless::Function',
        { CodeUri: { Bucket: 'b', Key: 'k', Versoin: '1' } },
        { Transform: 'AWS::Serverless-2016-10-31' },
      );

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.Subject.Properties.CodeUri.Versoin', message: "unknown property 'Versoin' of S3Location" },
      ]);
    });

    it('requires the required properties of a resource', async () => {
      const template = withResource('AWS::Cognito::UserPoolClient', { ClientName: 'web' });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.UserPoolId',
          message: "missing required property 'UserPoolId' of AWS::Cognito::UserPoolClient",
        },
      ]);
    });

    it('requires the required properties of a nested property type', async () => {
      const template = withResource('AWS::Cognito::UserPool', { UserAttributeUpdateSettings: {} });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.Subject.Properties.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate',
          message:
            "missing required property 'AttributesRequireVerificationBeforeUpdate' of UserAttributeUpdateSettings",
        },
      ]);
    });
  });

  describe('references', () => {
    it('rejects a Ref to something that is neither a resource, a parameter nor a pseudo parameter', async () => {
      const template = withQueues({ Properties: { QueueName: { Ref: 'Missing' } } });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.First.Properties.QueueName.Ref',
          message: "'Missing' is not a resource, parameter or pseudo parameter",
        },
      ]);
    });

    it('rejects Fn::GetAtt of an attribute the resource type does not have, in both forms', async () => {
      const template = withQueues({
        Properties: { QueueName: { 'Fn::GetAtt': ['Second', 'Name'] } },
        Metadata: { Url: { 'Fn::GetAtt': 'Second.Url' } },
      });
      const valid = 'valid attributes: Arn, QueueName, QueueUrl';

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.First.Properties.QueueName.Fn::GetAtt',
          message: `resource 'Second' (AWS::SQS::Queue) has no attribute 'Name'; ${valid}`,
        },
        {
          path: 'Resources.First.Metadata.Url.Fn::GetAtt',
          message: `resource 'Second' (AWS::SQS::Queue) has no attribute 'Url'; ${valid}`,
        },
      ]);
    });

    it('rejects Fn::GetAtt of a resource that does not exist', async () => {
      const template = withQueues({ Properties: { QueueName: { 'Fn::GetAtt': ['Third', 'Arn'] } } });

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.First.Properties.QueueName.Fn::GetAtt', message: "'Third' is not a resource" },
      ]);
    });

    it('rejects Fn::Sub references to unknown names and attributes, but not escapes or variables', async () => {
      const template = withQueues({
        Properties: {
          QueueName: { 'Fn::Sub': ['${!Escaped}-${Own}-${Missing}-${Second.Name}', { Own: 'x' }] },
        },
      });

      expect(await validateTemplate(template)).toEqual([
        {
          path: 'Resources.First.Properties.QueueName.Fn::Sub',
          message: "'Missing' is not a resource, parameter or pseudo parameter",
        },
        {
          path: 'Resources.First.Properties.QueueName.Fn::Sub',
          message:
            "resource 'Second' (AWS::SQS::Queue) has no attribute 'Name'; valid attributes: Arn, QueueName, QueueUrl",
        },
      ]);
    });

    it('rejects a Ref to a resource inside Conditions', async () => {
      const template = { ...withQueues({}), Conditions: { Named: { 'Fn::Equals': [{ Ref: 'First' }, 'x'] } } };

      expect(await validateTemplate(template)).toEqual([
        { path: 'Conditions.Named.Fn::Equals[0].Ref', message: "Conditions can only Ref parameters, not 'First'" },
      ]);
    });
  });

  describe('conditions', () => {
    it('rejects condition names that are not defined, wherever they are used', async () => {
      const template = {
        ...withQueues({
          Condition: 'IsProd',
          Properties: { QueueName: { 'Fn::If': ['IsStaging', 'a', 'b'] } },
        }),
        Conditions: { IsDev: { 'Fn::Not': [{ Condition: 'IsTest' }] } },
        Outputs: { Queue: { Condition: 'IsQa', Value: { Ref: 'First' } } },
      };

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.First.Condition', message: "condition 'IsProd' is not defined in Conditions" },
        {
          path: 'Resources.First.Properties.QueueName.Fn::If[0]',
          message: "condition 'IsStaging' is not defined in Conditions",
        },
        { path: 'Conditions.IsDev.Fn::Not[0].Condition', message: "condition 'IsTest' is not defined in Conditions" },
        { path: 'Outputs.Queue.Condition', message: "condition 'IsQa' is not defined in Conditions" },
      ]);
    });
  });

  describe('DependsOn', () => {
    it('rejects targets that are not resources, as a string or in a list', async () => {
      const template = withQueues({ DependsOn: 'Missing' }, { DependsOn: ['First', 'Stage'] });

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.First.DependsOn', message: "DependsOn target 'Missing' is not a resource" },
        { path: 'Resources.Second.DependsOn[1]', message: "DependsOn target 'Stage' is not a resource" },
      ]);
    });
  });

  describe('dependency cycles', () => {
    it('reports a cycle through Ref and Fn::GetAtt as a path', async () => {
      const template = withQueues(
        { Properties: { QueueName: { Ref: 'Second' } } },
        { Properties: { QueueName: { 'Fn::GetAtt': ['First', 'QueueName'] } } },
      );

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.First', message: 'circular dependency: First -> Second -> First' },
      ]);
    });

    it('reports a cycle through Fn::Sub and DependsOn', async () => {
      const template = withQueues(
        { Properties: { QueueName: { 'Fn::Sub': '${Second.QueueName}-dlq' } } },
        { DependsOn: 'First' },
      );

      expect(await validateTemplate(template)).toEqual([
        { path: 'Resources.First', message: 'circular dependency: First -> Second -> First' },
      ]);
    });
  });

  describe('Outputs', () => {
    it('requires a Value and checks its references', async () => {
      const template = {
        ...withQueues({}),
        Outputs: { Url: { Description: 'queue URL' }, Arn: { Value: { 'Fn::GetAtt': ['Third', 'Arn'] } } },
      };

      expect(await validateTemplate(template)).toEqual([
        { path: 'Outputs.Url.Value', message: 'an output must have a Value' },
        { path: 'Outputs.Arn.Value.Fn::GetAtt', message: "'Third' is not a resource" },
      ]);
    });
  });
});
