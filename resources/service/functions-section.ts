import { FUNCTIONS, SCHEDULED_FUNCTIONS } from '@functions/registry';
import {
  type DeployedFunctionDeclaration,
  type FunctionDeclaration,
  folderOf,
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

/**
 * What the function's zip leaves out of the build: the folders of the other functions, whose chunks code splitting
 * puts next to their bundles. serverless-esbuild leaves out the other functions' bundles itself, but not their
 * chunks. Only exclusions: a pattern that includes files makes serverless-esbuild copy them from the project.
 */
export function packagePatternsOf(name: string, functions: readonly DeployedFunctionDeclaration[]): string[] {
  return functions.filter((other) => other.name !== name).map((other) => `!functions/${folderOf(other.name)}/**`);
}

/** What every function of serverless.yml's `functions` has: its handler, role, limits, environment and package. */
function deployedFunction(declaration: DeployedFunctionDeclaration, all: readonly DeployedFunctionDeclaration[]) {
  return {
    handler: `${handlerModuleOf(declaration.name)}.handler`,
    description: declaration.description,
    role: roleIdOf(declaration.name),
    ...(declaration.memorySize === undefined ? {} : { memorySize: declaration.memorySize }),
    ...(declaration.timeout === undefined ? {} : { timeout: declaration.timeout }),
    environment: environmentOf(declaration),
    package: { patterns: packagePatternsOf(declaration.name, all) },
  };
}

/** A trigger function: invoked by the user pool (with the trigger's version, where it has one). */
function triggerFunction(declaration: FunctionDeclaration, all: readonly DeployedFunctionDeclaration[]) {
  return {
    ...deployedFunction(declaration, all),
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
function scheduledFunction(declaration: ScheduledFunctionDeclaration, all: readonly DeployedFunctionDeclaration[]) {
  return { ...deployedFunction(declaration, all), events: [{ schedule: { rate: [declaration.schedule] } }] };
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
  const all = [...functions, ...scheduled];
  return Object.fromEntries([
    ...functions.map((declaration) => [declaration.name, triggerFunction(declaration, all)]),
    ...scheduled.map((declaration) => [declaration.name, scheduledFunction(declaration, all)]),
  ]);
}
