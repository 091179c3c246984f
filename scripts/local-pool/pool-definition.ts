import type {
  CreateGroupCommandInput,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommandInput,
  SetUserPoolMfaConfigCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  evaluateConditions,
  type LocalRefs,
  resolveValue,
  resourceExists,
  type Template,
  type TemplateResource,
  UnresolvableValueError,
} from './cloudformation';
import { localFunctionArn } from './cognito/lambda-config';

/** A function of the service as `serverless print` shows it: its deployed name, environment and events. */
export interface ServiceFunction {
  name: string;
  environment?: Record<string, string>;
  events?: readonly Record<string, unknown>[];
}

/** The resolved service configuration (`serverless print --format json`) the local pool is built from. */
export interface ServiceDefinition {
  service: string;
  provider: { stage: string; region: string; environment?: Record<string, string> };
  functions: Record<string, ServiceFunction>;
  resources: Template;
}

/** The user pool and everything in it, as the Cognito and DynamoDB API calls that create them locally. */
export interface PoolDefinition {
  userPool: CreateUserPoolCommandInput & { PoolName: string };
  /** The pool's MFA and passkey settings (SetUserPoolMfaConfig); `UserPoolId` is filled in once the pool exists. */
  mfaConfig: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>;
  /** App clients; `UserPoolId` is filled in once the pool exists. */
  clients: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'>[];
  /** Groups; `UserPoolId` is filled in once the pool exists. */
  groups: Omit<CreateGroupCommandInput, 'UserPoolId'>[];
  /** Tables by logical id. */
  tables: Record<string, CreateTableCommandInput>;
  /** Trigger name (`PreSignUp`, …) → the deployed name of the function that serves it. */
  triggerFunctions: Record<string, string>;
  /** Triggers the service declares that the local pool never invokes. */
  unsupportedTriggers: string[];
  /** Names of the Secrets Manager secrets the stack creates with a generated value (`GenerateSecretString`). */
  generatedSecrets: string[];
}

/**
 * Triggers the local pool cannot invoke: the custom senders receive their code encrypted under a KMS key, which
 * has no local counterpart.
 */
const NOT_LOCALLY_INVOKED_TRIGGERS: readonly string[] = ['CustomEmailSender', 'CustomSMSSender'];

/** A trigger's function and, for PreTokenGeneration, the event version (`V1_0`, `V2_0`, `V3_0`). */
interface TriggerTarget {
  functionName: string;
  lambdaVersion?: string;
}

/** User pool properties whose CreateUserPool parameter has another name. */
const USER_POOL_RENAMED: Readonly<Record<string, string>> = { UserPoolName: 'PoolName' };

/**
 * User pool properties CreateUserPool does not take: triggers are wired from the functions' events, SMS needs an
 * IAM role for SNS, and the MFA methods, their messages and the passkey settings go to SetUserPoolMfaConfig
 * ({@link mfaConfigOf}).
 */
const USER_POOL_NOT_LOCAL: ReadonlySet<string> = new Set([
  'LambdaConfig',
  'SmsConfiguration',
  'EnabledMfas',
  'EmailAuthenticationMessage',
  'EmailAuthenticationSubject',
  'WebAuthnRelyingPartyID',
  'WebAuthnUserVerification',
]);

/**
 * SetUserPoolMfaConfig's request for the pool's MFA properties, as CloudFormation makes it: TOTP, SMS and email MFA
 * from `EnabledMfas` (email with `EmailAuthentication*`), and the passkey settings.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
 */
function mfaConfigOf([logicalId, pool]: [string, TemplateResource], resolve: Resolver): PoolDefinition['mfaConfig'] {
  const property = (name: string) => resolve(pool.Properties?.[name], `${logicalId}.${name}`);
  const enabled = (property('EnabledMfas') as string[] | undefined) ?? [];
  const text = (name: string) => {
    const value = property(name);
    return typeof value === 'string' ? value : undefined;
  };
  const relyingPartyId = text('WebAuthnRelyingPartyID');
  const userVerification = text('WebAuthnUserVerification');
  const message = text('EmailAuthenticationMessage');
  const subject = text('EmailAuthenticationSubject');
  const smsMessage = text('SmsAuthenticationMessage');
  return {
    MfaConfiguration: (text('MfaConfiguration') ?? 'OFF') as PoolDefinition['mfaConfig']['MfaConfiguration'],
    SoftwareTokenMfaConfiguration: { Enabled: enabled.includes('SOFTWARE_TOKEN_MFA') },
    ...(enabled.includes('SMS_MFA')
      ? { SmsMfaConfiguration: smsMessage === undefined ? {} : { SmsAuthenticationMessage: smsMessage } }
      : {}),
    ...(enabled.includes('EMAIL_OTP')
      ? {
          EmailMfaConfiguration: {
            ...(message === undefined ? {} : { Message: message }),
            ...(subject === undefined ? {} : { Subject: subject }),
          },
        }
      : {}),
    ...(relyingPartyId === undefined && userVerification === undefined
      ? {}
      : {
          WebAuthnConfiguration: {
            ...(relyingPartyId === undefined ? {} : { RelyingPartyId: relyingPartyId }),
            ...(userVerification === undefined ? {} : { UserVerification: userVerification as 'required' }),
          },
        }),
  };
}

/** `LambdaConfig` keys that are not a trigger's function. */
const LAMBDA_CONFIG_SETTINGS: ReadonlySet<string> = new Set(['KMSKeyID']);

/** Group properties with no local meaning (the IAM role of an identity pool). */
const GROUP_NOT_LOCAL: ReadonlySet<string> = new Set(['UserPoolId', 'RoleArn']);

/** Table properties DynamoDB's CreateTable accepts and the local DynamoDB honours; the rest is deploy-only. */
const TABLE_PROPERTIES: readonly (keyof CreateTableCommandInput)[] = [
  'TableName',
  'AttributeDefinitions',
  'KeySchema',
  'BillingMode',
  'ProvisionedThroughput',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
];

/** Index properties the local DynamoDB accepts. */
const INDEX_PROPERTIES = ['IndexName', 'KeySchema', 'Projection', 'ProvisionedThroughput'];

type Resolver = (value: unknown, path: string) => unknown;

function resourcesOfType(
  template: Template,
  type: string,
  conditions: ReadonlyMap<string, boolean>,
): [string, TemplateResource][] {
  return Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === type && resourceExists(resource, conditions),
  );
}

/** Resolves a resource's properties, leaving out `skip` and renaming per `renamed`. */
function properties(
  [logicalId, resource]: [string, TemplateResource],
  resolve: Resolver,
  {
    skip = new Set<string>(),
    renamed = {},
  }: { skip?: ReadonlySet<string>; renamed?: Readonly<Record<string, string>> } = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource.Properties ?? {})) {
    if (skip.has(key)) continue;
    const resolved = resolve(value, `${logicalId}.${key}`);
    if (resolved !== undefined) result[renamed[key] ?? key] = resolved;
  }
  return result;
}

/** Checks that a client or group belongs to the pool (its `UserPoolId` is a `Ref` to it). */
function assertInPool([logicalId, resource]: [string, TemplateResource], poolId: string, resolve: Resolver): void {
  const userPoolId = resolve(resource.Properties?.UserPoolId, `${logicalId}.UserPoolId`);
  if (userPoolId !== poolId) {
    throw new UnresolvableValueError(
      `${logicalId}.UserPoolId`,
      `it must be a Ref to ${poolId}, the template's user pool.`,
    );
  }
}

function tableInput([logicalId, resource]: [string, TemplateResource], resolve: Resolver): CreateTableCommandInput {
  const local = Object.entries(resource.Properties ?? {}).filter(([key]) =>
    (TABLE_PROPERTIES as string[]).includes(key),
  );
  const input = properties([logicalId, { ...resource, Properties: Object.fromEntries(local) }], resolve);
  for (const key of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes'] as const) {
    const indexes = input[key];
    if (Array.isArray(indexes)) {
      input[key] = indexes.map((index: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(index).filter(([name]) => INDEX_PROPERTIES.includes(name))),
      );
    }
  }
  input.TableName ??= logicalId;
  return input as unknown as CreateTableCommandInput;
}

/** The function a `LambdaConfig` value names: a `Fn::GetAtt` of a function's `Arn`, or an ARN ending in its name. */
function functionNamed(service: ServiceDefinition, value: unknown, path: string): string {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | null)?.['Fn::GetAtt'];
  const logicalId = Array.isArray(getAtt) ? getAtt[0] : typeof getAtt === 'string' ? getAtt.split('.')[0] : undefined;
  const byLogicalId = Object.entries(service.functions).find(
    ([key]) =>
      `${key.charAt(0).toUpperCase()}${key.slice(1).replaceAll('-', 'Dash').replaceAll('_', 'Underscore')}LambdaFunction` ===
      logicalId,
  );
  if (byLogicalId !== undefined) return byLogicalId[1].name;
  if (typeof value === 'string') return value.slice(value.lastIndexOf(':') + 1);
  throw new UnresolvableValueError(
    path,
    "it must name one of the service's functions (Fn::GetAtt <Function>LambdaFunction.Arn).",
  );
}

/**
 * The triggers of the pool: its own `LambdaConfig` in the template (as CloudFormation deploys it) merged with the
 * functions' `cognitoUserPool` events (which the framework merges into it at package time).
 */
function triggerTargets(
  service: ServiceDefinition,
  [poolLogicalId, pool]: [string, TemplateResource],
): Record<string, TriggerTarget> {
  const triggers: Record<string, TriggerTarget> = {};
  const declared = (pool.Properties?.LambdaConfig ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(declared)) {
    if (LAMBDA_CONFIG_SETTINGS.has(key)) continue;
    const path = `${poolLogicalId}.LambdaConfig.${key}`;
    if (key === 'PreTokenGenerationConfig') {
      const config = value as { LambdaArn?: unknown; LambdaVersion?: unknown };
      triggers.PreTokenGeneration = {
        functionName: functionNamed(service, config.LambdaArn, `${path}.LambdaArn`),
        ...(typeof config.LambdaVersion === 'string' ? { lambdaVersion: config.LambdaVersion } : {}),
      };
    } else if (key === 'CustomEmailSender' || key === 'CustomSMSSender') {
      triggers[key] = { functionName: functionNamed(service, (value as { LambdaArn?: unknown }).LambdaArn, path) };
    } else if (key !== 'PreTokenGeneration' || triggers.PreTokenGeneration === undefined) {
      triggers[key] = { functionName: functionNamed(service, value, path) };
    }
  }
  for (const [key, fn] of Object.entries(service.functions)) {
    for (const event of fn.events ?? []) {
      const trigger = event.cognitoUserPool as
        | { pool?: unknown; trigger?: unknown; lambdaVersion?: unknown }
        | undefined;
      if (trigger === undefined) continue;
      if (`CognitoUserPool${String(trigger.pool)}` !== poolLogicalId) {
        throw new UnresolvableValueError(
          `functions.${key}`,
          `its cognitoUserPool event names pool "${String(trigger.pool)}", but the template's pool is ${poolLogicalId}.`,
        );
      }
      triggers[String(trigger.trigger)] = {
        functionName: fn.name,
        ...(typeof trigger.lambdaVersion === 'string' ? { lambdaVersion: trigger.lambdaVersion } : {}),
      };
    }
  }
  return triggers;
}

/** The pool's `LambdaConfig` for the local Cognito API: each trigger's function under a local ARN. */
function localLambdaConfig(triggers: Record<string, TriggerTarget>, region: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [trigger, { functionName, lambdaVersion }] of Object.entries(triggers)) {
    if (NOT_LOCALLY_INVOKED_TRIGGERS.includes(trigger)) continue;
    const arn = localFunctionArn(region, functionName);
    if (trigger === 'PreTokenGeneration' && lambdaVersion !== undefined) {
      config.PreTokenGenerationConfig = { LambdaArn: arn, LambdaVersion: lambdaVersion };
    } else {
      config[trigger] = arn;
    }
  }
  return config;
}

/**
 * Translates the service's resources into the calls that create the same pool locally: the one
 * `AWS::Cognito::UserPool` (CreateUserPool), its `UserPoolClient`s and `UserPoolGroup`s, every
 * `AWS::DynamoDB::Table` (CreateTable), and the pool's `LambdaConfig` from the template and the functions'
 * `cognitoUserPool` events, each function under a local ARN the local Cognito API invokes it by.
 * Resources whose condition is false are left out, as CloudFormation does.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html
 * @throws UnresolvableValueError when the template has no single user pool or uses a value with no local meaning
 */
export function translatePool(service: ServiceDefinition): PoolDefinition {
  const template = service.resources;
  const conditions = evaluateConditions(template);
  const pools = resourcesOfType(template, 'AWS::Cognito::UserPool', conditions);
  const [pool] = pools;
  if (pool === undefined || pools.length > 1) {
    throw new UnresolvableValueError(
      'Resources',
      `the local pool needs exactly one AWS::Cognito::UserPool, found ${pools.length}.`,
    );
  }
  const [poolLogicalId] = pool;
  const refs: LocalRefs = {
    [poolLogicalId]: poolLogicalId,
    // Ref to an identity provider is its provider name; the client lists it by that name.
    ...Object.fromEntries(
      resourcesOfType(template, 'AWS::Cognito::UserPoolIdentityProvider', conditions).map(([id, resource]) => [
        id,
        String(resource.Properties?.ProviderName),
      ]),
    ),
  };
  const resolve: Resolver = (value, path) => resolveValue(value, path, { conditions, refs });
  const inPool = (entry: [string, TemplateResource]): boolean => {
    assertInPool(entry, poolLogicalId, resolve);
    return true;
  };

  const userPool = properties(pool, resolve, { skip: USER_POOL_NOT_LOCAL, renamed: USER_POOL_RENAMED });
  if (typeof userPool.PoolName !== 'string') {
    throw new UnresolvableValueError(
      `${poolLogicalId}.UserPoolName`,
      'the local pool is found by name, so it needs one.',
    );
  }
  const triggers = triggerTargets(service, pool);
  const lambdaConfig = localLambdaConfig(triggers, service.provider.region);
  if (Object.keys(lambdaConfig).length > 0) userPool.LambdaConfig = lambdaConfig;
  return {
    userPool: userPool as unknown as PoolDefinition['userPool'],
    mfaConfig: mfaConfigOf(pool, resolve),
    clients: resourcesOfType(template, 'AWS::Cognito::UserPoolClient', conditions)
      .filter(inPool)
      .map(
        (entry) => properties(entry, resolve, { skip: new Set(['UserPoolId']) }) as PoolDefinition['clients'][number],
      ),
    groups: resourcesOfType(template, 'AWS::Cognito::UserPoolGroup', conditions)
      .filter(inPool)
      .map((entry) => properties(entry, resolve, { skip: GROUP_NOT_LOCAL }) as PoolDefinition['groups'][number]),
    tables: Object.fromEntries(
      resourcesOfType(template, 'AWS::DynamoDB::Table', conditions).map((entry) => [
        entry[0],
        tableInput(entry, resolve),
      ]),
    ),
    triggerFunctions: Object.fromEntries(
      Object.entries(triggers)
        .filter(([trigger]) => !NOT_LOCALLY_INVOKED_TRIGGERS.includes(trigger))
        .map(([trigger, { functionName }]) => [trigger, functionName]),
    ),
    unsupportedTriggers: Object.keys(triggers).filter((trigger) => NOT_LOCALLY_INVOKED_TRIGGERS.includes(trigger)),
    generatedSecrets: resourcesOfType(template, 'AWS::SecretsManager::Secret', conditions)
      .filter(([, resource]) => resource.Properties?.GenerateSecretString !== undefined)
      .map(([id, resource]) => String(resolve(resource.Properties?.Name ?? id, `${id}.Name`))),
  };
}
