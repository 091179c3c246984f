import { FUNCTIONS } from '@functions/registry';
import { type FunctionDeclaration, folderOf, type IamResource, logicalIdOf, tableIdOf } from './function-declaration';
import { roleIdOf } from './functions-section';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

function allow(actions: readonly string[], resource: IamResource) {
  return { Effect: 'Allow', Action: actions.length === 1 ? actions[0] : actions, Resource: resource };
}

/** A function's statements: its own log group, its tables, and the permissions it declares. */
function statementsOf(declaration: FunctionDeclaration) {
  return [
    allow(['logs:CreateLogStream', 'logs:PutLogEvents'], {
      'Fn::GetAtt': [`${logicalIdOf(declaration.name)}LogGroup`, 'Arn'],
    }),
    ...Object.entries(declaration.tables ?? {}).map(([key, actions]) =>
      allow(actions, { 'Fn::GetAtt': [tableIdOf(key), 'Arn'] }),
    ),
    ...(declaration.permissions ?? []).map(({ actions, resource }) => allow(actions, resource)),
  ];
}

/**
 * One role per function, allowed only what its flow does. No statement refers to the user pool resource itself:
 * the pool depends on the functions (LambdaConfig), so a reference back would be a cycle; pool-scoped actions use
 * the account's user pool ARN pattern and the flows take the pool id from the event.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 */
export function iamRoles(functions: readonly FunctionDeclaration[] = FUNCTIONS) {
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
                PolicyDocument: { Version: '2012-10-17', Statement: statementsOf(declaration) },
              },
            ],
          },
        },
      ]),
    ),
  };
}
