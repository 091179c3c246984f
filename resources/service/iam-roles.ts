import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import {
  type DeployedFunctionDeclaration,
  folderOf,
  type IamResource,
  logicalIdOf,
  type Permission,
  tableIdOf,
} from './function-declaration';
import { roleIdOf } from './functions-section';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

function getAtt(logicalId: string, shown: string): IamResource {
  return { arn: { 'Fn::GetAtt': [logicalId, 'Arn'] }, shown };
}

/**
 * Everything a function may do: write to its own log group (the framework creates `<Function>LogGroup`), use its
 * tables, and what it declares besides.
 */
export function permissionsOf(declaration: DeployedFunctionDeclaration): Permission[] {
  const logGroup = `${logicalIdOf(declaration.name)}LogGroup`;
  return [
    {
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resource: getAtt(logGroup, `its log group \`${logGroup}\``),
      why: 'Write its logs.',
    },
    ...Object.entries(declaration.tables ?? {}).map(([key, use]) => ({
      ...use,
      resource: getAtt(tableIdOf(key), `the \`${tableIdOf(key)}\` table`),
    })),
    ...(declaration.permissions ?? []),
  ];
}

/** An IAM statement allowing `actions` on `resource` (one action is written as a string, as IAM shows it). */
function statement({ actions, resource }: Permission) {
  return { Effect: 'Allow', Action: actions.length === 1 ? actions[0] : actions, Resource: resource.arn };
}

/**
 * One role per function, allowed only what its flow does. No statement refers to the user pool resource itself:
 * the pool depends on the functions (LambdaConfig), so a reference back would be a cycle; pool-scoped actions use
 * the account's user pool ARN pattern and the flows take the pool id from the event.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 */
export function iamRoles(functions: readonly DeployedFunctionDeclaration[] = DEPLOYED_FUNCTIONS) {
  return {
    Resources: Object.fromEntries(
      functions.map((declaration) => [
        roleIdOf(declaration.name),
        {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: LAMBDA_TRUST,
            Policies: [
              {
                PolicyName: folderOf(declaration.name),
                PolicyDocument: { Version: '2012-10-17', Statement: permissionsOf(declaration).map(statement) },
              },
            ],
          },
        },
      ]),
    ),
  };
}
