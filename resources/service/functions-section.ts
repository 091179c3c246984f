import { FUNCTIONS } from '@functions/registry';
import {
  type FunctionDeclaration,
  handlerModuleOf,
  logicalIdOf,
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
export function environmentOf(declaration: FunctionDeclaration): Record<string, string> {
  return {
    ...Object.fromEntries(
      Object.keys(declaration.tables ?? {}).map((key) => [tableVariableOf(key), `\${self:custom.tables.${key}}`]),
    ),
    ...Object.fromEntries(declaration.parameters.map((name) => [variableOf(name), `\${param:${name}}`])),
    ...Object.fromEntries(Object.entries(declaration.environment ?? {}).map(([name, { value }]) => [name, value])),
  };
}

/** One function of serverless.yml's `functions`: its handler, role, environment and user pool trigger (with its version). */
function serverlessFunction(declaration: FunctionDeclaration) {
  return {
    handler: `${handlerModuleOf(declaration.name)}.handler`,
    description: declaration.description,
    role: roleIdOf(declaration.name),
    ...(declaration.memorySize === undefined ? {} : { memorySize: declaration.memorySize }),
    environment: environmentOf(declaration),
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

/**
 * serverless.yml's `functions`, one per registered function (`functions/registry.ts`).
 *
 * @see https://www.serverless.com/framework/docs/providers/aws/events/cognito-user-pool
 */
export function functionsSection(functions: readonly FunctionDeclaration[] = FUNCTIONS) {
  return Object.fromEntries(functions.map((declaration) => [declaration.name, serverlessFunction(declaration)]));
}
