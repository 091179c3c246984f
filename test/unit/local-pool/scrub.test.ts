import { SCRUBBED, scrubSecrets } from '@scripts/local-pool/scrub';
import { loadFixture } from '@test/helpers/fixtures';

describe('scrubSecrets', () => {
  it('replaces the migration password and keeps everything else as it was', () => {
    const event = loadFixture('UserMigration_Authentication');

    const scrubbed = scrubSecrets(event);

    expect(scrubbed).toEqual({ ...event, request: { ...event.request, password: SCRUBBED } });
    expect(JSON.stringify(scrubbed)).not.toContain(event.request.password);
  });

  it('replaces codes and secret-looking values wherever they are, but keeps the code placeholders', () => {
    const event = {
      request: {
        code: 'AYADeJ...encrypted',
        codeParameter: '{####}',
        validationData: { recaptchaToken: 'token-1', signupSource: 'web' },
        clientMetadata: { inviteSecret: 's3cret', temporaryPassword: 'Tmp-123456' },
      },
    };

    expect(scrubSecrets(event)).toEqual({
      request: {
        code: SCRUBBED,
        codeParameter: '{####}',
        validationData: { recaptchaToken: SCRUBBED, signupSource: 'web' },
        clientMetadata: { inviteSecret: SCRUBBED, temporaryPassword: SCRUBBED },
      },
    });
  });

  it('keeps null secrets null, as Cognito sent them', () => {
    expect(scrubSecrets({ request: { password: null } })).toEqual({ request: { password: null } });
  });
});
