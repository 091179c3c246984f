import { CUSTOM_AUTH_INTEGERS, magicLinkKeyNameProblem, magicLinkPathProblem } from '@shared/custom-auth/config';
import { ParameterError, type ParameterReader } from './parameter-reader';

/**
 * Checks the settings of passwordless sign-in as createAuthChallenge's config reader does at cold start — its
 * whole numbers within {@link CUSTOM_AUTH_INTEGERS}' bounds, the magic link's path and secret name — so that a value
 * it would refuse stops `serverless package` instead of every sign-in.
 */
async function checkSettings(params: ParameterReader): Promise<void> {
  for (const name of Object.keys(CUSTOM_AUTH_INTEGERS) as (keyof typeof CUSTOM_AUTH_INTEGERS)[]) {
    await params.integer(name);
  }
  const path = await params.text('magicLinkPath');
  const pathProblem = magicLinkPathProblem(path);
  if (pathProblem !== undefined) throw new ParameterError('magicLinkPath', pathProblem);
  const keyName = await params.text('magicLinkKeyName');
  const keyNameProblem = magicLinkKeyNameProblem(keyName);
  if (keyNameProblem !== undefined) throw new ParameterError('magicLinkKeyName', keyNameProblem);
}

/**
 * The flags of passwordless sign-in (`customAuthMethods`): whether the app client allows `CUSTOM_AUTH`, and whether
 * the stack creates the secret that signs magic links. Custom authentication sends its own email through SES, so it
 * needs `emailFrom`; Cognito's own email settings do not apply to it. Its other settings are checked too.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
 */
export async function customAuthFlags(params: ParameterReader): Promise<{ customAuth: string; magicLink: string }> {
  const methods = await params.list('customAuthMethods');
  if (methods.length > 0 && (await params.text('emailFrom')) === '') {
    throw new ParameterError(
      'emailFrom',
      'must be set when customAuthMethods is on: the sign-in emails are sent from it.',
    );
  }
  await checkSettings(params);
  return { customAuth: String(methods.length > 0), magicLink: String(methods.includes('magic_link')) };
}
