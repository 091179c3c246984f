import type { LambdaConfigType } from 'aws-sdk/clients/cognitoidentityserviceprovider';

/**
 * The triggers a user pool's `LambdaConfig` names, by the name Cognito also uses in its refusals
 * (`PreSignUp failed with error …`).
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
 */
export type TriggerName =
  | 'PreSignUp'
  | 'PreAuthentication'
  | 'CustomMessage'
  | 'PostConfirmation'
  | 'PostAuthentication'
  | 'PreTokenGeneration'
  | 'UserMigration'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse';

/** The event versions of PreTokenGeneration: V1_0 (ID token claims), V2_0 and V3_0 (both tokens, scopes). */
export type PreTokenGenerationVersion = 'V1_0' | 'V2_0' | 'V3_0';

/** The account id in the ARNs the local pool writes into `LambdaConfig`. */
const LOCAL_ACCOUNT_ID = '000000000000';

/** The ARN under which the local pool's `LambdaConfig` names a function. */
export function localFunctionArn(region: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${functionName}`;
}

/** The function name in a Lambda ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`), or the value itself. */
function functionNameOf(arn: string): string {
  const match = /:function:([^:]+)/.exec(arn);
  return match?.[1] ?? arn;
}

/** The function that serves `trigger` in a pool's `LambdaConfig`, or undefined when the pool has none. */
export function triggerFunction(config: LambdaConfigType | undefined, trigger: TriggerName): string | undefined {
  const arn =
    trigger === 'PreTokenGeneration'
      ? (config?.PreTokenGenerationConfig?.LambdaArn ?? config?.PreTokenGeneration)
      : config?.[trigger];
  return typeof arn === 'string' && arn !== '' ? functionNameOf(arn) : undefined;
}

/**
 * The PreTokenGeneration event version of a pool: `PreTokenGenerationConfig.LambdaVersion` when set, else V1_0 (a
 * pool with only the flat `PreTokenGeneration` key).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export function preTokenGenerationVersion(config: LambdaConfigType | undefined): PreTokenGenerationVersion {
  const version = config?.PreTokenGenerationConfig?.LambdaVersion;
  return version === 'V2_0' || version === 'V3_0' ? version : 'V1_0';
}
