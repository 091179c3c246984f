import { DEPLOYED_FUNCTIONS, FUNCTIONS } from '@functions/registry';
import { logicalIdOf } from '@resources/service/function-declaration';
import { evaluateConditions } from '@test/helpers/cfn-conditions';
import { validateTemplate } from '@test/helpers/cfn-validator';
import { deployedEnvironment } from '@test/helpers/function-environment';
import {
  type CloudFormationTemplate,
  type PackagedStack,
  packageStack,
  serverless,
} from '@test/helpers/serverless-cli';

/** Stage parameters that switch every identity provider on. */
const ALL_PROVIDERS = {
  googleClientId: 'google-client-id.apps.googleusercontent.com',
  facebookAppId: '123456789012345',
  appleServicesId: 'com.example.app.signin',
  appleTeamId: 'ABCDE12345',
  appleKeyId: 'KEY1234567',
  amazonClientId: 'amzn1.application-oa2-client.0123456789abcdef',
  samlProviderName: 'Corporate',
  samlMetadataUrl: 'https://idp.example.com/metadata.xml',
  mfa: 'ON',
  mfaSms: 'true',
};

/** Stage parameters that switch the machine-to-machine clients on: PreTokenGeneration V3_0. */
const MACHINE_TO_MACHINE = {
  resourceServer: 'orders',
  resourceServerScopes: 'read,write',
  machineClientAccess: '{"*":{"scopes":["orders/read"],"claims":{"partner":"acme"}}}',
};

const PROVIDERS = {
  GoogleIdentityProvider: 'GoogleEnabled',
  FacebookIdentityProvider: 'FacebookEnabled',
  AppleIdentityProvider: 'AppleEnabled',
  AmazonIdentityProvider: 'AmazonEnabled',
  SamlIdentityProvider: 'SamlEnabled',
} as const;

/** Each registered function's trigger, and the logical id the framework gives the function. */
const TRIGGERS = Object.fromEntries(
  FUNCTIONS.map(({ name, trigger }) => [trigger.trigger, `${logicalIdOf(name)}LambdaFunction`]),
);

/** The pool's LambdaConfig: each trigger's function, PreTokenGeneration's with its event version. */
function lambdaConfigWith(preTokenGenerationVersion: string) {
  return Object.fromEntries(
    Object.entries(TRIGGERS).map(([trigger, fn]) =>
      trigger === 'PreTokenGeneration'
        ? [
            'PreTokenGenerationConfig',
            { LambdaArn: { 'Fn::GetAtt': [fn, 'Arn'] }, LambdaVersion: preTokenGenerationVersion },
          ]
        : [trigger, { 'Fn::GetAtt': [fn, 'Arn'] }],
    ),
  );
}

function resourcesOfType(template: CloudFormationTemplate, type: string) {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** Stage parameters that switch passwordless sign-in on, with both methods. */
const PASSWORDLESS = { customAuthMethods: 'email_code,magic_link', emailFrom: 'no-reply@example.com' };

describe('the packaged stack', () => {
  const stacks: Record<'dev' | 'prod' | 'allProviders' | 'machineToMachine' | 'lite', PackagedStack> = {} as never;

  beforeAll(async () => {
    // One after the other: serverless-esbuild builds in the project's .esbuild folder.
    stacks.dev = await packageStack('dev');
    stacks.prod = await packageStack('prod');
    stacks.allProviders = await packageStack('dev', ALL_PROVIDERS);
    stacks.machineToMachine = await packageStack('dev', MACHINE_TO_MACHINE);
    stacks.lite = await packageStack('dev', { userPoolTier: 'LITE' });
  }, 200_000);

  afterAll(async () => {
    await Promise.all(Object.values(stacks).map((stack) => stack?.remove()));
  });

  it.each(['dev', 'prod', 'allProviders', 'machineToMachine', 'lite'] as const)(
    '%s: passes the CloudFormation schema checks',
    async (name) => {
      expect(await validateTemplate(stacks[name].template)).toEqual([]);
    },
  );

  it('has one user pool with every registered trigger in its LambdaConfig', () => {
    const pools = resourcesOfType(stacks.dev.template, 'AWS::Cognito::UserPool');

    expect(pools.map(([id]) => id)).toEqual(['CognitoUserPoolMain']);
    expect(pools[0]?.[1].Properties?.LambdaConfig).toEqual(lambdaConfigWith('V2_0'));
  });

  it('sends PreTokenGeneration V3_0 with machine-to-machine clients, and V1_0 on the Lite plan', () => {
    const lambdaConfig = (stack: PackagedStack) =>
      stack.template.Resources.CognitoUserPoolMain?.Properties?.LambdaConfig;

    expect(lambdaConfig(stacks.machineToMachine)).toEqual(lambdaConfigWith('V3_0'));
    expect(lambdaConfig(stacks.lite)).toEqual(lambdaConfigWith('V1_0'));
    expect(stacks.lite.template.Resources.CognitoUserPoolMain?.Properties?.UserPoolTier).toBe('LITE');
  });

  it('creates the resource server and a client-credentials client only for machine-to-machine', () => {
    const { Resources, Conditions } = stacks.machineToMachine.template;

    expect(evaluateConditions(stacks.dev.template.Conditions).MachineToMachine).toBe(false);
    expect(evaluateConditions(Conditions).MachineToMachine).toBe(true);
    expect(Resources.ResourceServer).toMatchObject({
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Condition: 'MachineToMachine',
      Properties: {
        Identifier: 'orders',
        Scopes: [
          { ScopeName: 'read', ScopeDescription: 'read on orders' },
          { ScopeName: 'write', ScopeDescription: 'write on orders' },
        ],
      },
    });
    expect(Resources.MachineClient).toMatchObject({
      Condition: 'MachineToMachine',
      DependsOn: ['ResourceServer', 'HostedUiDomain'],
      Properties: {
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/read', 'orders/write'],
      },
    });
    expect(stacks.machineToMachine.template.Outputs?.MachineClientId?.Condition).toBe('MachineToMachine');
  });

  it('lets Cognito invoke each trigger function from that pool only, once per trigger', () => {
    const permissions = resourcesOfType(stacks.dev.template, 'AWS::Lambda::Permission')
      .map(([, resource]) => resource.Properties)
      .filter((properties) => properties?.Principal === 'cognito-idp.amazonaws.com');

    expect(permissions).toHaveLength(FUNCTIONS.length);
    for (const fn of Object.values(TRIGGERS)) {
      expect(permissions).toContainEqual({
        FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': ['CognitoUserPoolMain', 'Arn'] },
      });
    }
  });

  it('gives the app client SRP, USER_PASSWORD_AUTH and refresh (USER_AUTH with choice-based sign-in, CUSTOM_AUTH with passwordless sign-in), no secret, and no user existence errors', () => {
    const client = stacks.dev.template.Resources.WebClient;

    expect(evaluateConditions(stacks.dev.template.Conditions).UserAuthEnabled).toBe(false);
    expect(evaluateConditions(stacks.dev.template.Conditions).CustomAuthEnabled).toBe(false);
    expect(evaluateConditions(stacks.dev.template.Conditions).MagicLinkEnabled).toBe(false);
    expect(client?.Properties).toMatchObject({
      GenerateSecret: false,
      ExplicitAuthFlows: [
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        { 'Fn::If': ['UserAuthEnabled', 'ALLOW_USER_AUTH', { Ref: 'AWS::NoValue' }] },
        { 'Fn::If': ['CustomAuthEnabled', 'ALLOW_CUSTOM_AUTH', { Ref: 'AWS::NoValue' }] },
      ],
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlows: ['code'],
    });
  });

  it('runs emailOutbox every minute, from its EventBridge rule only, with a minute to sweep', () => {
    const { Resources } = stacks.dev.template;
    const rule = Resources['EmailOutboxEventsRuleSchedule1'];

    expect(rule?.Properties).toMatchObject({
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': ['EmailOutboxLambdaFunction', 'Arn'] } }],
    });
    expect(
      resourcesOfType(stacks.dev.template, 'AWS::Lambda::Permission').map(([, resource]) => resource.Properties),
    ).toContainEqual({
      FunctionName: { 'Fn::GetAtt': ['EmailOutboxLambdaFunction', 'Arn'] },
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': ['EmailOutboxEventsRuleSchedule1', 'Arn'] },
    });
    expect(Resources['EmailOutboxLambdaFunction']?.Properties?.Timeout).toBe(60);
  });

  it('keeps the outbox as a sparse index of the profiles table, and alarms on a parked email', () => {
    const { Resources } = stacks.dev.template;

    expect(Resources['UserProfilesTable']?.Properties?.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'outbox',
        KeySchema: [
          { AttributeName: 'outbox', KeyType: 'HASH' },
          { AttributeName: 'outboxAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(Resources['EmailOutboxEmailsParkedAlarm']?.Properties).toMatchObject({
      Metrics: [
        expect.objectContaining({
          MetricStat: expect.objectContaining({
            Metric: {
              Namespace: 'CognitoFlows',
              MetricName: 'EmailsParked',
              Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'EmailOutboxLambdaFunction' } }],
            },
            Stat: 'Sum',
          }),
        }),
      ],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('declares custom:onboarded in the pool and lets the app client write every attribute but it', () => {
    const { Resources } = stacks.dev.template;
    const schema = Resources['CognitoUserPoolMain']?.Properties?.Schema as { Name: string }[];
    const writable = Resources['WebClient']?.Properties?.WriteAttributes as string[];

    expect(schema.map(({ Name }) => Name)).toContain('onboarded');
    expect(writable).toEqual(expect.arrayContaining(['email', 'name', 'locale']));
    expect(writable).not.toContain('custom:onboarded');
  });

  it('runs every function on a current Node.js runtime with its own role', () => {
    const functions = resourcesOfType(stacks.dev.template, 'AWS::Lambda::Function');

    expect(functions).toHaveLength(DEPLOYED_FUNCTIONS.length);
    for (const [, fn] of functions) {
      expect(fn.Properties?.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
      expect(fn.Properties?.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Role$/), 'Arn'] });
    }
  });

  it.each(['dev', 'prod'] as const)(
    '%s: gives each registered function the environment its declaration and the stage values derive',
    (stage) => {
      for (const declaration of DEPLOYED_FUNCTIONS) {
        const fn = stacks[stage].template.Resources[`${logicalIdOf(declaration.name)}LambdaFunction`];

        expect(fn?.Properties?.Environment).toEqual({
          Variables: deployedEnvironment(declaration, stage === 'dev' ? 'default' : stage, stage),
        });
      }
    },
  );

  it('creates the identity providers only when their parameters are set, and lists them on the client', () => {
    const none = evaluateConditions(stacks.dev.template.Conditions);
    const all = evaluateConditions(stacks.allProviders.template.Conditions);

    for (const [resource, condition] of Object.entries(PROVIDERS)) {
      expect(stacks.dev.template.Resources[resource]?.Condition).toBe(condition);
      expect(none[condition]).toBe(false);
      expect(all[condition]).toBe(true);
    }
    const supported = stacks.allProviders.template.Resources.WebClient?.Properties?.SupportedIdentityProviders;
    expect(supported).toEqual([
      'COGNITO',
      ...Object.entries(PROVIDERS).map(([resource, condition]) => ({
        'Fn::If': [condition, { Ref: resource }, { Ref: 'AWS::NoValue' }],
      })),
    ]);
  });

  it('takes identity provider secrets from Secrets Manager, never as literals', () => {
    const secretKeys = ['client_secret', 'private_key'];
    const secrets = resourcesOfType(stacks.allProviders.template, 'AWS::Cognito::UserPoolIdentityProvider').flatMap(
      ([, resource]) =>
        Object.entries(resource.Properties?.ProviderDetails as Record<string, unknown>).filter(([key]) =>
          secretKeys.includes(key),
        ),
    );

    expect(secrets).toHaveLength(4);
    for (const [, value] of secrets) {
      expect(value).toMatch(/^\{\{resolve:secretsmanager:cognito-flows\/dev\/identity-providers:SecretString:\w+\}\}$/);
    }
  });

  it('creates the SMS role only when SMS is in use', () => {
    expect(evaluateConditions(stacks.dev.template.Conditions).SmsEnabled).toBe(false);
    expect(evaluateConditions(stacks.allProviders.template.Conditions).SmsEnabled).toBe(true);
    expect(stacks.dev.template.Resources.CognitoSmsRole?.Condition).toBe('SmsEnabled');
  });

  it('protects the pool and tables from deletion on prod only', () => {
    const protection = (stack: PackagedStack) => [
      stack.template.Resources.CognitoUserPoolMain?.Properties?.DeletionProtection,
      stack.template.Resources.UserProfilesTable?.Properties?.DeletionProtectionEnabled,
    ];

    expect(protection(stacks.dev)).toEqual(['INACTIVE', false]);
    expect(protection(stacks.prod)).toEqual(['ACTIVE', true]);
  });

  it('outputs the pool id, client id, hosted UI URL and table names', () => {
    expect(Object.keys(stacks.dev.template.Outputs ?? {})).toEqual(
      expect.arrayContaining([
        'UserPoolId',
        'UserPoolClientId',
        'HostedUiUrl',
        'UserProfilesTableName',
        'LegacyUsersTableName',
      ]),
    );
  });
});

describe('a misconfigured stage parameter', () => {
  it.each([
    [{ mfa: 'sometimes' }, 'Stage parameter "mfa" must be one of OFF, OPTIONAL, ON, got "sometimes".'],
    [
      { mfa: 'ON', mfaTotp: 'false' },
      'Stage parameter "mfa" is ON, so at least one of mfaTotp and mfaSms must be true; mfaEmail cannot be the only MFA method.',
    ],
    [{ passwordMinLength: '4' }, 'Stage parameter "passwordMinLength" must be a whole number from 6 to 99, got "4".'],
    [{ domainPrefix: 'my-cognito-app' }, 'Stage parameter "domainPrefix" must be 1-50 lower-case letters'],
    [
      { callbackUrls: 'http://app.example.com/cb' },
      'Stage parameter "callbackUrls" contains "http://app.example.com/cb"; Cognito accepts https URLs',
    ],
    [
      { appleServicesId: 'com.example.app' },
      'Stage parameter "appleServicesId" and appleTeamId and appleKeyId must be set together',
    ],
    [
      { userPoolTier: 'LITE', groupScopes: 'admins:orders/admin' },
      'Stage parameter "groupScopes" is "admins:orders/admin", which needs userPoolTier ESSENTIALS or higher; userPoolTier is LITE.',
    ],
    [{ groupRoles: 'admins' }, 'Stage parameter "groupRoles" has "admins"; write group:role pairs'],
    [
      { groupRoles: 'admins:admin', clientClaims: '{"*":{"roles":["guest"]}}' },
      'Stage parameter "clientClaims" gives "*" the claim "roles", the name of rolesClaim',
    ],
    [
      { alarmTopicArn: 'cognito-flows-alarms' },
      'Stage parameter "alarmTopicArn" must be empty or the ARN of an SNS topic, got "cognito-flows-alarms".',
    ],
    [
      { alarmDurationMs: '6000' },
      'Stage parameter "alarmDurationMs" must be a whole number from 100 to 5000, got "6000".',
    ],
  ])('%p stops packaging with a message naming it', async (params, message) => {
    const args = Object.entries(params).map(([key, value]) => `--param=${key}=${value}`);

    const failure = await serverless(['print', '--stage', 'dev', ...args]).then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );

    expect(failure).toContain(message);
  });

  describe('passwordless sign-in (customAuthMethods)', () => {
    const stacks = {} as { passwordless: PackagedStack };

    beforeAll(async () => {
      stacks.passwordless = await packageStack('dev', PASSWORDLESS);
    }, 60_000);

    afterAll(async () => {
      await stacks.passwordless?.remove();
    });

    it('passes the CloudFormation schema checks', async () => {
      expect(await validateTemplate(stacks.passwordless.template)).toEqual([]);
    });

    it('lets the app client use CUSTOM_AUTH when a method is on', () => {
      const flows = stacks.passwordless.template.Resources.WebClient?.Properties?.ExplicitAuthFlows;

      expect(JSON.stringify(flows)).toContain('"CustomAuthEnabled","ALLOW_CUSTOM_AUTH"');
      expect(evaluateConditions(stacks.passwordless.template.Conditions).CustomAuthEnabled).toBe(true);
    });

    it('creates the magic-link key as a secret Secrets Manager generates, never a value in the template', () => {
      const secret = stacks.passwordless.template.Resources.MagicLinkSecret;

      expect(secret).toMatchObject({
        Type: 'AWS::SecretsManager::Secret',
        Condition: 'MagicLinkEnabled',
        Properties: { Name: 'cognito-flows/dev/magic-link-key', GenerateSecretString: { PasswordLength: 64 } },
      });
      expect(secret?.Properties).not.toHaveProperty('SecretString');
      expect(evaluateConditions(stacks.passwordless.template.Conditions).MagicLinkEnabled).toBe(true);
    });

    it('gives each challenge function only what its flow does', () => {
      const statements = (role: string) => {
        const properties = stacks.passwordless.template.Resources[role]?.Properties as
          | { Policies: { PolicyDocument: { Statement: { Action: unknown }[] } }[] }
          | undefined;
        return properties?.Policies[0]?.PolicyDocument.Statement.map(({ Action }) => Action);
      };

      expect(statements('DefineAuthChallengeRole')).toEqual([['logs:CreateLogStream', 'logs:PutLogEvents']]);
      expect(statements('CreateAuthChallengeRole')).toEqual([
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        'ses:SendEmail',
        'secretsmanager:GetSecretValue',
      ]);
      expect(statements('VerifyAuthChallengeResponseRole')).toEqual([
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        'dynamodb:PutItem',
        'secretsmanager:GetSecretValue',
      ]);
      expect(JSON.stringify(stacks.passwordless.template.Resources.VerifyAuthChallengeResponseRole)).toContain(
        ':secret:cognito-flows/dev/magic-link-key-??????',
      );
    });

    it('refuses a method on with no sender, naming emailFrom', async () => {
      const failure = await serverless(['print', '--stage', 'dev', '--param=customAuthMethods=email_code']).then(
        () => undefined,
        (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
      );

      expect(failure).toContain('Stage parameter "emailFrom" must be set when customAuthMethods is on');
    }, 60_000);
  });
});
