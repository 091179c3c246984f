/**
 * How a function declares what it needs from the stack (`functions/<folder>/function.ts`). Its entry in
 * serverless.yml's `functions`, its IAM role and log group, its environment, its bundle budget and the tests every
 * trigger gets all follow from the declaration and the naming rules below.
 */
import type { ParameterName } from '@resources/parameters/catalog';
import type { FlowMetric } from '@shared/metrics/catalog';
import type { TriggerDefinition, TriggerEvent } from '@shared/trigger';
import { variableOf } from '@shared/variable-name';

/** An IAM resource: its ARN (or a CloudFormation intrinsic function that gives one), and how docs describe it. */
export interface IamResource {
  readonly arn: string | Readonly<Record<string, unknown>>;
  readonly shown: string;
}

/** What a function may do beyond writing its logs, and why its flow needs it. */
export interface Permission {
  readonly actions: readonly string[];
  readonly resource: IamResource;
  /** Why the flow needs it, for docs/architecture.md. */
  readonly why: string;
}

/** A variable a function gets that is not a stage parameter of its own. */
export interface FixedVariable {
  /** In serverless.yml's variable syntax, e.g. `Google,${param:samlProviderName}`. */
  readonly value: string;
  /** What it holds, for the function's parameter table. */
  readonly meaning: string;
}

/** What the stack needs to know about any function it deploys, a trigger or not. */
export interface DeployedFunctionDeclaration {
  /** The function's name in serverless.yml, in camelCase; its folder is `functions/<kebab-case name>`. */
  readonly name: string;
  readonly description: string;
  /** The stage parameters it reads, each as the variable {@link variableOf} names. */
  readonly parameters: readonly ParameterName[];
  /**
   * The tables it uses, by their key under serverless.yml's `custom.tables` (`legacyUsers`), with the DynamoDB
   * actions it performs on each and why. A table's name reaches the function as `<KEY>_TABLE`
   * (`LEGACY_USERS_TABLE`); its resource is `<Key>Table` in resources/tables.yml (`LegacyUsersTable`).
   */
  readonly tables?: Readonly<Record<string, Omit<Permission, 'resource'>>>;
  /** Variables that are not one of its stage parameters. */
  readonly environment?: Readonly<Record<string, FixedVariable>>;
  /** What it may do besides writing its logs and using its tables. */
  readonly permissions?: readonly Permission[];
  /**
   * The flow metrics its steps count (shared/metrics/catalog.ts), beyond the outcome, duration and cold starts
   * every function publishes: its row of the dashboard graphs them, and those with an alarm get one for it.
   */
  readonly metrics?: readonly FlowMetric[];
  /**
   * The event version Cognito sends the trigger, for the triggers that have versions (PreTokenGeneration: `V1_0`,
   * `V2_0`, `V3_0`); a literal or a serverless.yml variable that resolves to one. The `cognitoUserPool` event
   * carries it, and the framework then writes `LambdaConfig.PreTokenGenerationConfig {LambdaArn, LambdaVersion}`.
   *
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-pretokengenerationconfig.html
   */
  readonly lambdaVersion?: string;
  /** Memory in MB, when the function needs more than the provider's. */
  readonly memorySize?: number;
  /** Seconds it may run, when it may take longer than the provider's 5 (Cognito's limit for a trigger). */
  readonly timeout?: number;
  /**
   * Bytes its minified JavaScript may have, the entry and every chunk: what `npm run bench` measured, plus about
   * 12%. A dependency that bloats the function fails the bundle-size test; raise it only on purpose.
   */
  readonly bundleBudgetBytes: number;
}

/** Everything the stack needs to know about one trigger function. */
export interface FunctionDeclaration<E extends TriggerEvent = TriggerEvent, Name extends string = string>
  extends DeployedFunctionDeclaration {
  /** The trigger it handles: its sources, and the request fields its flow reads (the event guard). */
  readonly trigger: TriggerDefinition<E, Name>;
}

/** A function EventBridge Scheduler runs on a schedule, not a trigger: `functions/registry.ts` lists it apart. */
export interface ScheduledFunctionDeclaration extends DeployedFunctionDeclaration {
  /** How often it runs, as a schedule expression (`rate(1 minute)`). */
  readonly schedule: string;
}

/** Declares a scheduled function. */
export function defineScheduledFunction(declaration: ScheduledFunctionDeclaration): ScheduledFunctionDeclaration {
  return declaration;
}

/** Declares a function, keeping its literal types (its trigger's name and sources) for the registry. */
export function defineFunction<E extends TriggerEvent, Name extends string>(
  declaration: FunctionDeclaration<E, Name>,
): FunctionDeclaration<E, Name> {
  return declaration;
}

/** The stage parameters every function reads, through serverless.yml's `provider.environment`. */
export const COMMON_PARAMETERS: readonly ParameterName[] = ['logLevel', 'logEvents'];

/** The user pool every trigger belongs to: `CognitoUserPoolMain` in resources/user-pool.yml. */
export const USER_POOL = 'Main';

/** Every user pool of the stack's account and region. The pool depends on the functions, so naming it would be a cycle. */
export const USER_POOLS_OF_ACCOUNT: IamResource = {
  arn: { 'Fn::Sub': 'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/*' },
  shown: 'every user pool of the account and region',
};

/** The SES identities the onboarding emails may be sent as: the configured one, or any of the account's. */
export const SES_SENDING_IDENTITY: IamResource = {
  arn: '${self:custom.pool.sesSendingResource}',
  shown: 'the SES identity of `sesIdentityArn`, or every SES identity of the account',
};

/**
 * The secret that signs magic links (`magicLinkKeyName`, resources/custom-auth.yml), by its name: Secrets Manager
 * appends six random characters to a secret's ARN.
 */
export const MAGIC_LINK_KEY_NAME: IamResource = {
  arn: {
    'Fn::Sub':
      'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${param:magicLinkKeyName}-??????',
  },
  shown: 'the secret named by `magicLinkKeyName`',
};

export { variableOf };

/** The name in PascalCase, as the framework starts the function's logical ids: `preSignUp` → `PreSignUp`. */
export function logicalIdOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The function's folder under `functions/`: `preSignUp` → `pre-sign-up`. */
export function folderOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The handler module of a function, relative to the project: `functions/pre-sign-up/handler`. */
export function handlerModuleOf(name: string): string {
  return `functions/${folderOf(name)}/handler`;
}

/** The environment variable that carries the name of table `key`: `legacyUsers` → `LEGACY_USERS_TABLE`. */
export function tableVariableOf(key: string): string {
  return `${variableOf(key)}_TABLE`;
}

/** The logical id of table `key` in resources/tables.yml: `legacyUsers` → `LegacyUsersTable`. */
export function tableIdOf(key: string): string {
  return `${logicalIdOf(key)}Table`;
}
