import { inviteCodeDigest, requireInviteCode } from '@functions/pre-sign-up/steps/require-invite-code';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import { runStep, testConfig } from '../support';

const INVITE_ONLY = testConfig({
  INVITE_CODE_SHA256: `${inviteCodeDigest('SPRING-2026')},${inviteCodeDigest('PARTNER-7')}`,
});

describe('require-invite-code', () => {
  it('lets a sign-up with a listed code through, sent as validation data or client metadata', async () => {
    const withValidationData = loadFixture('PreSignUp_SignUp');
    withValidationData.request.validationData = { inviteCode: 'PARTNER-7' };
    const withClientMetadata = loadFixture('PreSignUp_SignUp');
    withClientMetadata.request.clientMetadata = { inviteCode: ' SPRING-2026 ' };

    await expect(runStep(requireInviteCode, withValidationData, INVITE_ONLY)).resolves.toBeDefined();
    await expect(runStep(requireInviteCode, withClientMetadata, INVITE_ONLY)).resolves.toBeDefined();
  });

  it('refuses a sign-up without a code, saying what to do', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.validationData = undefined;

    await expect(runStep(requireInviteCode, event, INVITE_ONLY)).rejects.toEqual(
      new UserFacingError('An invite code is required to sign up. Enter the code from your invitation.'),
    );
  });

  it('refuses a code that is not listed', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.validationData = { inviteCode: 'SPRING-2025' };

    await expect(runStep(requireInviteCode, event, INVITE_ONLY)).rejects.toEqual(
      new UserFacingError('That invite code is not valid. Check the code in your invitation and try again.'),
    );
  });

  it('asks no code of administrators, federated sign-ins, or when no code is configured', async () => {
    await expect(
      runStep(requireInviteCode, loadFixture('PreSignUp_AdminCreateUser'), INVITE_ONLY),
    ).resolves.toBeDefined();
    await expect(
      runStep(requireInviteCode, loadFixture('PreSignUp_ExternalProvider'), INVITE_ONLY),
    ).resolves.toBeDefined();
    await expect(runStep(requireInviteCode, loadFixture('PreSignUp_SignUp'), testConfig())).resolves.toBeDefined();
  });

  it('fails the cold start on a malformed digest, naming the variable', () => {
    expect(() => testConfig({ INVITE_CODE_SHA256: 'SPRING-2026' })).toThrow(
      'INVITE_CODE_SHA256 must list SHA-256 digests (64 hex characters each); item 1 is not one.',
    );
  });
});
