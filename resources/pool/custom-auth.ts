import { ParameterError, type ParameterReader } from './parameter-reader';

/** A URL path: starts with `/`, no query, fragment, spaces or quotes. */
const URL_PATH = /^\/[A-Za-z0-9\-._~/%!$&'()*+,;=:@]*$/;

/**
 * The flags of passwordless sign-in (`customAuthMethods`): whether the app client allows `CUSTOM_AUTH`, and whether
 * the stack creates the secret that signs magic links. Custom authentication sends its own email through SES, so it
 * needs `emailFrom`; Cognito's own email settings do not apply to it.
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
  const path = await params.text('magicLinkPath');
  if (!URL_PATH.test(path)) {
    throw new ParameterError(
      'magicLinkPath',
      `must be a URL path starting with "/" and without "?" or "#", got "${path}".`,
    );
  }
  return { customAuth: String(methods.length > 0), magicLink: String(methods.includes('magic_link')) };
}
