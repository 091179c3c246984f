import { loadCreateAuthChallengeConfig } from '@functions/create-auth-challenge/config';
import { customAuthFlags } from '@resources/pool/custom-auth';
import { parameterReader } from '@resources/pool/parameter-reader';
import { CUSTOM_AUTH_INTEGERS } from '@shared/custom-auth/config';
import { refusalOf, stageResolver } from '@test/helpers/stage-parameters';
import { TEST_ENV } from '@test/unit/create-auth-challenge/support';

/** A reader over the declared defaults with `overrides`, as the framework resolves them. */
function params(overrides: Record<string, string> = {}) {
  return parameterReader(stageResolver(overrides));
}

/** The variable of each whole-number setting, as createAuthChallenge reads it. */
const VARIABLES: Record<keyof typeof CUSTOM_AUTH_INTEGERS, string> = {
  signInCodeLength: 'SIGN_IN_CODE_LENGTH',
  signInCodeValiditySeconds: 'SIGN_IN_CODE_VALIDITY_SECONDS',
  magicLinkValiditySeconds: 'MAGIC_LINK_VALIDITY_SECONDS',
  signInEmailsPerWindow: 'SIGN_IN_EMAILS_PER_WINDOW',
  signInEmailWindowSeconds: 'SIGN_IN_EMAIL_WINDOW_SECONDS',
};

describe('the passwordless sign-in flags', () => {
  it('are off by default: no CUSTOM_AUTH, no magic-link secret', async () => {
    await expect(customAuthFlags(params())).resolves.toEqual({ customAuth: 'false', magicLink: 'false' });
  });

  it('turn CUSTOM_AUTH on with any method, and the secret with magic links', async () => {
    const withSender = { emailFrom: 'no-reply@example.com' };

    await expect(customAuthFlags(params({ ...withSender, customAuthMethods: 'email_code' }))).resolves.toEqual({
      customAuth: 'true',
      magicLink: 'false',
    });
    await expect(customAuthFlags(params({ ...withSender, customAuthMethods: 'magic_link' }))).resolves.toEqual({
      customAuth: 'true',
      magicLink: 'true',
    });
  });

  it.each([
    [{ customAuthMethods: 'email_code' }, 'Stage parameter "emailFrom" must be set when customAuthMethods is on'],
    [
      { customAuthMethods: 'sms_code' },
      'Stage parameter "customAuthMethods" contains "sms_code"; allowed: email_code, magic_link.',
    ],
    [{ magicLinkPath: 'sign-in' }, 'Stage parameter "magicLinkPath" must be a URL path starting with "/"'],
    [{ magicLinkPath: '/sign-in#x' }, 'Stage parameter "magicLinkPath" must be a URL path'],
    [{ magicLinkKeyName: 'my key' }, 'Stage parameter "magicLinkKeyName" must be a Secrets Manager secret name or ARN'],
    [{ signInCodeLength: '4' }, 'Stage parameter "signInCodeLength" must be a whole number from 6 to 10, got "4".'],
    [{ signInCodeLength: 'six' }, 'Stage parameter "signInCodeLength" must be a whole number from 6 to 10'],
    [{ signInCodeValiditySeconds: '30' }, 'Stage parameter "signInCodeValiditySeconds" must be a whole number'],
    [{ magicLinkValiditySeconds: '7200' }, 'Stage parameter "magicLinkValiditySeconds" must be a whole number'],
    [{ signInEmailsPerWindow: '0' }, 'Stage parameter "signInEmailsPerWindow" must be a whole number from 1 to 50'],
    [{ signInEmailWindowSeconds: '1.5' }, 'Stage parameter "signInEmailWindowSeconds" must be a whole number'],
  ])('refuse %p, naming the parameter', async (overrides, message) => {
    await expect(customAuthFlags(params(overrides))).rejects.toThrow(message);
  });

  it('stop the package, not a sign-in, on a code length the function would refuse', async () => {
    await expect(refusalOf({ signInCodeLength: '4' })).resolves.toBe(
      'Stage parameter "signInCodeLength" must be a whole number from 6 to 10, got "4".',
    );
  });

  it.each(
    Object.entries(CUSTOM_AUTH_INTEGERS).flatMap(([name, { min, max }]) => [
      [name, min - 1, false],
      [name, min, true],
      [name, max, true],
      [name, max + 1, false],
    ]),
  )('accept %s = %d at package time exactly when createAuthChallenge does (%p)', async (name, value, accepted) => {
    const packaged = customAuthFlags(params({ [name as string]: String(value) })).then(
      () => true,
      () => false,
    );
    const variable = VARIABLES[name as keyof typeof CUSTOM_AUTH_INTEGERS];
    const started = (() => {
      try {
        loadCreateAuthChallengeConfig({ ...TEST_ENV, [variable]: String(value) });
        return true;
      } catch {
        return false;
      }
    })();

    await expect(packaged).resolves.toBe(accepted);
    expect(started).toBe(accepted);
  });
});
