import { refusalOf, settingsWith } from '@test/helpers/stage-parameters';

const NO_VALUE = { Ref: 'AWS::NoValue' };
/** An SES identity, which email codes need. */
const SES = {
  emailSendingAccount: 'DEVELOPER',
  sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
};

describe('the sign-in methods of the pool settings', () => {
  it('keep a password-only pool free of Essentials properties and of USER_AUTH', async () => {
    const settings = await settingsWith({ userPoolTier: 'LITE' });

    expect(settings).toMatchObject({
      signInPolicy: NO_VALUE,
      webAuthn: { relyingPartyId: NO_VALUE, userVerification: NO_VALUE },
      emailAuthentication: { subject: NO_VALUE, message: NO_VALUE },
      userPoolAddOns: NO_VALUE,
      refreshTokenRotation: NO_VALUE,
      flags: { userAuth: 'false' },
    });
    expect(settings.password).not.toHaveProperty('PasswordHistorySize');
  });

  it('map signInFactors to AllowedFirstAuthFactors, with USER_AUTH on the client', async () => {
    const settings = await settingsWith({
      ...SES,
      signInFactors: 'password,email_otp,sms_otp,passkey',
      autoVerifiedAttributes: 'email,phone_number',
      passkeyRelyingPartyId: 'Example.com',
      passkeyUserVerification: 'required',
      mfa: 'OPTIONAL',
    });

    expect(settings).toMatchObject({
      signInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] },
      webAuthn: { relyingPartyId: 'example.com', userVerification: 'required' },
      emailAuthentication: { subject: 'Your sign-in code', message: 'Your sign-in code is {####}.' },
      flags: { userAuth: 'true', sms: 'true' },
    });
  });

  it('leave the email of sign-in codes to Cognito and the customMessage trigger while MFA is OFF', async () => {
    const settings = await settingsWith({ ...SES, signInFactors: 'password,email_otp', mfa: 'OFF' });

    expect(settings).toMatchObject({
      mfa: 'OFF',
      enabledMfas: NO_VALUE,
      signInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
      emailAuthentication: { subject: NO_VALUE, message: NO_VALUE },
    });
  });

  it('leave the relying party to Cognito when passkeyRelyingPartyId is empty', async () => {
    const settings = await settingsWith({ signInFactors: 'password,passkey' });

    expect(settings.webAuthn).toEqual({ relyingPartyId: NO_VALUE, userVerification: 'preferred' });
  });

  it('offer email MFA beside TOTP, with the email of MFA codes', async () => {
    const settings = await settingsWith({ ...SES, mfa: 'OPTIONAL', mfaEmail: 'true', mfaEmailSubject: 'Code' });

    expect(settings).toMatchObject({
      mfa: 'OPTIONAL',
      enabledMfas: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      emailAuthentication: { subject: 'Code', message: 'Your sign-in code is {####}.' },
      flags: { sms: 'false' },
    });
  });

  it('turn threat protection, password history and refresh token rotation on', async () => {
    const settings = await settingsWith({
      userPoolTier: 'PLUS',
      threatProtection: 'enforced',
      passwordHistorySize: '5',
      refreshTokenRotation: 'true',
      refreshTokenRotationGraceSeconds: '30',
    });

    expect(settings.userPoolAddOns).toEqual({
      AdvancedSecurityMode: 'ENFORCED',
      AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'ENFORCED' },
    });
    expect(settings.password).toMatchObject({ PasswordHistorySize: 5 });
    expect(settings.refreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
  });

  it.each([
    [{ userPoolTier: 'LITE', signInFactors: 'password,passkey' }, 'signInFactors', 'needs userPoolTier ESSENTIALS'],
    [{ userPoolTier: 'ESSENTIALS', threatProtection: 'audit' }, 'threatProtection', 'needs userPoolTier PLUS'],
    [{ userPoolTier: 'LITE', passwordHistorySize: '3' }, 'passwordHistorySize', 'needs userPoolTier ESSENTIALS'],
    [{ userPoolTier: 'LITE', refreshTokenRotation: 'true' }, 'refreshTokenRotation', 'needs userPoolTier ESSENTIALS'],
    [{ userPoolTier: 'LITE', ...SES, mfa: 'OPTIONAL', mfaEmail: 'true' }, 'mfaEmail', 'needs userPoolTier ESSENTIALS'],
    [{ userPoolTier: 'LITE', hostedUiBranding: 'branded' }, 'hostedUiBranding', 'needs userPoolTier ESSENTIALS'],
    [{ userPoolTier: 'LITE', hostedUiBranding: 'managed' }, 'hostedUiBranding', 'needs userPoolTier ESSENTIALS'],
    [{ mfa: 'OPTIONAL', mfaTotp: 'false' }, 'mfa', 'mfaEmail cannot be the only MFA method'],
    [{ signInFactors: 'passkey' }, 'signInFactors', 'is "passkey" alone'],
    [{ ...SES, signInFactors: 'email_otp' }, 'signInFactors', 'must include password'],
    [{ signInFactors: 'password,email_otp' }, 'signInFactors', 'needs emailSendingAccount DEVELOPER'],
    [{ ...SES, signInFactors: 'password,email_otp', autoVerifiedAttributes: '' }, 'signInFactors', 'verified email'],
    [{ signInFactors: 'password,sms_otp' }, 'signInFactors', 'add phone_number to autoVerifiedAttributes'],
    [{ signInFactors: 'password,passkey', mfa: 'ON' }, 'mfa', 'refuses with passwordless first factors'],
    [{ mfa: 'OPTIONAL', mfaEmail: 'true' }, 'mfaEmail', 'needs emailSendingAccount DEVELOPER'],
    [{ ...SES, mfa: 'ON', mfaTotp: 'false', mfaEmail: 'true' }, 'mfaEmail', 'is the only MFA method'],
    [{ passkeyRelyingPartyId: 'example.com' }, 'passkeyRelyingPartyId', 'only applies when'],
    [{ passkeyUserVerification: 'required' }, 'passkeyUserVerification', 'only applies when'],
    [
      { signInFactors: 'password,passkey', passkeyRelyingPartyId: 'https://example.com/' },
      'passkeyRelyingPartyId',
      'a domain name',
    ],
    [{ mfaEmailMessage: 'Your code.' }, 'mfaEmailMessage', 'must contain {####}'],
    [{ mfaEmailSubject: 'x'.repeat(141) }, 'mfaEmailSubject', '1-140 characters'],
    [{ refreshTokenRotationGraceSeconds: '10' }, 'refreshTokenRotationGraceSeconds', 'only applies when'],
  ])('refuse %p naming %s', async (overrides, parameter, reason) => {
    const message = await refusalOf(overrides);

    expect(message).toMatch(new RegExp(`^Stage parameter "${parameter}" `));
    expect(message).toContain(reason);
  });
});
