import type { ChoiceOf } from '@resources/parameters/catalog';
import { ParameterError, type ParameterReader } from './parameter-reader';

const NO_VALUE = { Ref: 'AWS::NoValue' };

/** `signInFactors` items and the `AllowedFirstAuthFactors` they stand for. */
const FIRST_FACTORS = { password: 'PASSWORD', email_otp: 'EMAIL_OTP', sms_otp: 'SMS_OTP', passkey: 'WEB_AUTHN' };

/**
 * A domain name as WebAuthn relying party ids are: labels of letters, digits and hyphens, no scheme, port or path.
 * Cognito's is "the authentication domain, typically your user pool domain" (`WebAuthnConfigurationType`), and
 * WebAuthn's a valid domain string: https://www.w3.org/TR/webauthn-2/#rp-id
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
 */
const RELYING_PARTY_ID = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** What the sign-in methods depend on elsewhere in the pool. */
export interface SignInContext {
  emailSendingAccount: ChoiceOf<'emailSendingAccount'>;
  autoVerifiedAttributes: readonly string[];
}

/**
 * The first factors of choice-based sign-in, checked against the rules Cognito applies when the pool is created and
 * CloudFormation does not check beforehand.
 */
async function firstFactors(params: ParameterReader, { emailSendingAccount, autoVerifiedAttributes }: SignInContext) {
  const factors = await params.list('signInFactors');
  // The console and CDK's AllowedFirstAuthFactors make PASSWORD mandatory ("password: This must be true"):
  // https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cognito.AllowedFirstAuthFactors.html
  if (factors.length === 1 && factors[0] === 'passkey') {
    throw new ParameterError(
      'signInFactors',
      'is "passkey" alone; Cognito keeps password as a first factor, add password.',
    );
  }
  if (!factors.includes('password')) {
    throw new ParameterError(
      'signInFactors',
      `must include password, which Cognito keeps as a first factor; got "${factors.join(',')}".`,
    );
  }
  // Codes by email come only from your own SES identity:
  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passwordless
  if (factors.includes('email_otp') && emailSendingAccount !== 'DEVELOPER') {
    throw new ParameterError(
      'signInFactors',
      'contains email_otp, which needs emailSendingAccount DEVELOPER (an SES identity).',
    );
  }
  // Sign-in codes go to verified addresses and phone numbers only, so the pool must verify the attribute a
  // passwordless factor uses ("Your user pool automatically verifies the attributes that users can use with
  // passwordless sign-in"):
  // https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
  if (factors.includes('email_otp') && !autoVerifiedAttributes.includes('email')) {
    throw new ParameterError(
      'signInFactors',
      'contains email_otp, which sends codes to verified email addresses only; add email to autoVerifiedAttributes.',
    );
  }
  if (factors.includes('sms_otp') && !autoVerifiedAttributes.includes('phone_number')) {
    throw new ParameterError(
      'signInFactors',
      'contains sms_otp, which sends codes to verified phone numbers only; add phone_number to autoVerifiedAttributes.',
    );
  }
  return factors.map((factor) => FIRST_FACTORS[factor as keyof typeof FIRST_FACTORS]);
}

/** The passkey settings, which apply only when passkeys are a first factor. */
async function passkeySettings(params: ParameterReader, passkeys: boolean) {
  const relyingPartyId = (await params.text('passkeyRelyingPartyId')).toLowerCase();
  const userVerification = await params.oneOf('passkeyUserVerification');
  if (!passkeys) {
    if (relyingPartyId !== '')
      throw new ParameterError('passkeyRelyingPartyId', 'only applies when signInFactors contains passkey.');
    if (userVerification === 'required')
      throw new ParameterError('passkeyUserVerification', 'only applies when signInFactors contains passkey.');
    return { relyingPartyId: NO_VALUE, userVerification: NO_VALUE };
  }
  if (relyingPartyId !== '' && !RELYING_PARTY_ID.test(relyingPartyId)) {
    throw new ParameterError(
      'passkeyRelyingPartyId',
      `must be a domain name such as example.com, without scheme, port or path; got "${relyingPartyId}".`,
    );
  }
  return { relyingPartyId: relyingPartyId === '' ? NO_VALUE : relyingPartyId, userVerification };
}

/** The MFA methods the pool offers (`EnabledMfas`), checked against the rules CloudFormation leaves to deploy time. */
async function mfaMethods(params: ParameterReader, mfa: ChoiceOf<'mfa'>, { emailSendingAccount }: SignInContext) {
  const totp = await params.boolean('mfaTotp');
  const sms = await params.boolean('mfaSms');
  const email = await params.boolean('mfaEmail');
  if (mfa !== 'OFF' && !totp && !sms && !email) {
    throw new ParameterError(
      'mfa',
      `is ${mfa}, so at least one of mfaTotp and mfaSms must be true; mfaEmail cannot be the only MFA method.`,
    );
  }
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
  if (email && emailSendingAccount !== 'DEVELOPER') {
    throw new ParameterError('mfaEmail', 'is true, which needs emailSendingAccount DEVELOPER (an SES identity).');
  }
  // CloudFormation fails to create a pool whose only MFA is email, asking for an SMS configuration:
  // https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2221
  if (mfa !== 'OFF' && email && !totp && !sms) {
    throw new ParameterError(
      'mfaEmail',
      'is the only MFA method, which CloudFormation fails to create (it asks for an SMS configuration); also set mfaTotp or mfaSms.',
    );
  }
  return [...(totp ? ['SOFTWARE_TOKEN_MFA'] : []), ...(sms ? ['SMS_MFA'] : []), ...(email ? ['EMAIL_OTP'] : [])];
}

/**
 * The pool's sign-in methods from the stage parameters: first factors of choice-based sign-in
 * (`Policies.SignInPolicy`, and `ALLOW_USER_AUTH` on the app client), passkeys (`WebAuthn*`), MFA (`MfaConfiguration`,
 * `EnabledMfas`) and the email of sign-in and MFA codes (`EmailAuthentication*`, with MFA on or optional only).
 * Properties a pool does not use are
 * `AWS::NoValue`, so a pool on the Lite plan carries none of the Essentials ones.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export async function signInMethods(params: ParameterReader, context: SignInContext) {
  const factors = await firstFactors(params, context);
  const choiceBased = factors.some((factor) => factor !== 'PASSWORD');
  const mfa = await params.oneOf('mfa');
  // Passwordless first factors and required MFA exclude each other:
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html#user-pool-settings-mfa-prerequisites
  const passwordless = factors.filter((factor) => factor !== 'PASSWORD');
  if (mfa === 'ON' && passwordless.length > 0) {
    throw new ParameterError(
      'mfa',
      `is ON, which Cognito refuses with passwordless first factors (signInFactors has ${passwordless.join(', ')}); set mfa to OPTIONAL or OFF.`,
    );
  }
  const methods = await mfaMethods(params, mfa, context);
  // The email template reaches Cognito through SetUserPoolMfaConfig (`EmailMfaConfiguration`), which refuses it
  // with MFA OFF ("can't turn off MFA and configure an MFA together", measured in
  // https://github.com/go-to-k/cdkd/issues/1923). With MFA OFF, sign-in codes by email carry Cognito's default
  // text, or the customMessage trigger's.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailMfaConfigType.html
  const emailTemplate = mfa !== 'OFF' && (factors.includes('EMAIL_OTP') || methods.includes('EMAIL_OTP'));
  const subject = await params.text('mfaEmailSubject');
  const message = await params.text('mfaEmailMessage');
  if (subject === '' || subject.length > 140)
    throw new ParameterError('mfaEmailSubject', `must have 1-140 characters, got ${subject.length}.`);
  if (message.length > 20_000)
    throw new ParameterError('mfaEmailMessage', `must have at most 20000 characters, got ${message.length}.`);
  return {
    mfa,
    enabledMfas: mfa === 'OFF' ? NO_VALUE : methods,
    signInPolicy: choiceBased ? { AllowedFirstAuthFactors: factors } : NO_VALUE,
    webAuthn: await passkeySettings(params, factors.includes('WEB_AUTHN')),
    emailAuthentication: emailTemplate ? { subject, message } : { subject: NO_VALUE, message: NO_VALUE },
    /** SMS is sent: SMS MFA or SMS sign-in codes. */
    sendsSms: factors.includes('SMS_OTP') || (mfa !== 'OFF' && methods.includes('SMS_MFA')),
    userAuth: choiceBased,
  };
}
