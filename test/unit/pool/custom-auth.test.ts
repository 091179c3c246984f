import { parameterNamed } from '@resources/parameters/catalog';
import { customAuthFlags } from '@resources/pool/custom-auth';
import { parameterReader } from '@resources/pool/parameter-reader';

/** A reader over the declared defaults with `overrides`. */
function params(overrides: Record<string, string> = {}) {
  return parameterReader(async (address) => {
    const name = address.replace(/^param:/, '');
    return overrides[name] ?? String(parameterNamed(name).default);
  });
}

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
  ])('refuse %p, naming the parameter', async (overrides, message) => {
    await expect(customAuthFlags(params(overrides))).rejects.toThrow(message);
  });
});
