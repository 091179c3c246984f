import { FUNCTIONS, SCHEDULED_FUNCTIONS } from '@functions/registry';
import {
  type DeployedFunctionDeclaration,
  type FunctionDeclaration,
  handlerModuleOf,
  logicalIdOf,
  type ScheduledFunctionDeclaration,
  tableVariableOf,
  USER_POOL,
  variableOf,
} from './function-declaration';

/** The role a function runs with: `<LogicalId>Role` (see ./iam-roles.ts). */
export function roleIdOf(name: string): string {
  return `${logicalIdOf(name)}Role`;
}

/**
 * The variables of `declaration` in serverless.yml's syntax: each table's name, each stage parameter as its
 * SCREAMING_SNAKE_CASE variable, then the fixed variables.
 */
export function environmentOf(declaration: DeployedFunctionDeclaration): Record<string, string> {
  return {
    ...Object.fromEntries(
      Object.keys(declaration.tables ?? {}).map((key) => [tableVariableOf(key), `\${self:custom.tables.${key}}`]),
    ),
    ...Object.fromEntries(declaration.parameters.map((name) => [variableOf(name), `\${param:${name}}`])),
    ...Object.fromEntries(Object.entries(declaration.environment ?? {}).map(([name, { value }]) => [name, value])),
  };
}

/** What every function of serverless.yml's `functions` has: its handler, role, limits and environment. */
function deployedFunction(declaration: DeployedFunctionDeclaration) {
  return {
    handler: `${handlerModuleOf(declaration.name)}.handler`,
    description: declaration.description,
    role: roleIdOf(declaration.name),
    ...(declaration.memorySize === undefined ? {} : { memorySize: declaration.memorySize }),
    ...(declaration.timeout === undefined ? {} : { timeout: declaration.timeout }),
    environment: environmentOf(declaration),
  };
}

/** A trigger function: invoked by the user pool (with the trigger's version, where it has one). */
function triggerFunction(declaration: FunctionDeclaration) {
  return {
    ...deployedFunction(declaration),
    events: [
      {
        cognitoUserPool: {
          pool: USER_POOL,
          trigger: declaration.trigger.trigger,
          ...(declaration.lambdaVersion === undefined ? {} : { lambdaVersion: declaration.lambdaVersion }),
        },
      },
    ],
  };
}

/** A scheduled function: invoked by an EventBridge rule on its schedule. */
function scheduledFunction(declaration: ScheduledFunctionDeclaration) {
  return { ...deployedFunction(declaration), events: [{ schedule: { rate: [declaration.schedule] } }] };
}

/**
 * serverless.yml's `functions`, one per registered function (`functions/registry.ts`).
 *
 * @see https://www.serverless.com/framework/docs/providers/aws/events/cognito-user-pool
 */
export function functionsSection(
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
  scheduled: readonly ScheduledFunctionDeclaration[] = SCHEDULED_FUNCTIONS,
) {
  return Object.fromEntries([
    ...functions.map((declaration) => [declaration.name, triggerFunction(declaration)]),
    ...scheduled.map((declaration) => [declaration.name, scheduledFunction(declaration)]),
  ]);
}
