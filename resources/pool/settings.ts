import { PARAMETERS } from '@resources/parameters/catalog';
import { ONBOARDED_ATTRIBUTE } from '@shared/onboarding/onboarded-marker';
import { attributeSchema, clientWriteAttributes, ONBOARDED_SCHEMA_ATTRIBUTE } from './attribute-schema';
import { assertPlaceholders, assertRedirectUrls, checkedDomainPrefix } from './checks';
import { customAuthFlags } from './custom-auth';
import { identityProviderFlags } from './identity-providers';
import { managedLoginStyle } from './managed-login';
import { ParameterError, parameterReader, type ResolveVariable } from './parameter-reader';
import { planProblem } from './plan';
import { refreshTokenRotation, threatProtectionAddOns } from './protection';
import { signInMethods } from './sign-in-methods';
import { tokenClaimSettings } from './token-claims';

const NO_VALUE = { Ref: 'AWS::NoValue' };
const ANY_SES_IDENTITY_IN_ACCOUNT = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':identity/*'],
  ],
};
const SIGN_IN_ATTRIBUTES = { email: ['email'], phone: ['phone_number'], username: [] };
const MESSAGE_PLACEHOLDERS = [
  ['invitationEmailMessage', ['{username}', '{####}']],
  ['invitationSmsMessage', ['{username}', '{####}']],
  ['verificationEmailMessage', ['{####}']],
  ['verificationSmsMessage', ['{####}']],
  ['mfaEmailMessage', ['{####}']],
] as const;

/**
 * Validates the stage parameters of serverless.yml when the stack is packaged, against the rules of
 * `resources/parameters/`, and derives the values that CloudFormation cannot compute from a string: lists, the
 * attribute schema, the sign-in methods, MFA, protection and device settings, and the flags behind the template's Conditions. A misconfigured
 * parameter stops `serverless package` with a message naming it.
 *
 * Used from serverless.yml as `custom.pool: ${file(./resources/pool-settings.js)}`.
 */
export async function poolSettings({ resolveVariable }: { resolveVariable: ResolveVariable }) {
  const params = parameterReader(resolveVariable);

  const userPoolTier = await params.oneOf('userPoolTier');
  for (const parameter of PARAMETERS.filter((candidate) => candidate.plan !== undefined)) {
    const problem = planProblem(parameter, await params.value(parameter.name), userPoolTier);
    if (problem !== undefined) throw new ParameterError(parameter.name, problem);
  }
  const signInWith = await params.oneOf('signInWith');
  const aliases = await params.list('usernameAliases');
  if (aliases.length > 0 && signInWith !== 'username') {
    throw new ParameterError('usernameAliases', 'only applies when signInWith is "username".');
  }

  const required = await params.list('requiredAttributes');
  const customAttributes = await params.list('customAttributes');
  if (customAttributes.some((definition) => definition.split(':')[0]?.trim() === ONBOARDED_ATTRIBUTE)) {
    throw new ParameterError(
      'customAttributes',
      `must not declare "${ONBOARDED_ATTRIBUTE}": the pool declares custom:${ONBOARDED_ATTRIBUTE} for the onboarding.`,
    );
  }
  const autoVerified = await params.list('autoVerifiedAttributes');

  for (const [name, placeholders] of MESSAGE_PLACEHOLDERS) {
    assertPlaceholders(name, await params.text(name), placeholders);
  }

  const emailSendingAccount = await params.oneOf('emailSendingAccount');
  const methods = await signInMethods(params, { emailSendingAccount, autoVerifiedAttributes: autoVerified });
  const smsEnabled = signInWith === 'phone' || autoVerified.includes('phone_number') || methods.sendsSms;
  const sesIdentityArn = await params.text('sesIdentityArn');
  const emailFrom = await params.text('emailFrom');
  const emailReplyTo = await params.text('emailReplyTo');
  if (emailSendingAccount === 'DEVELOPER' && !/^arn:aws[\w-]*:ses:[\w-]+:\d{12}:identity\/.+$/.test(sesIdentityArn)) {
    throw new ParameterError(
      'sesIdentityArn',
      `must be the ARN of a verified SES identity when emailSendingAccount is DEVELOPER, got "${sesIdentityArn}".`,
    );
  }

  const deviceRemembering = await params.oneOf('deviceRemembering');
  const passwordHistorySize = await params.integer('passwordHistorySize');

  const callbackUrls = await params.list('callbackUrls');
  const logoutUrls = await params.list('logoutUrls');
  assertRedirectUrls('callbackUrls', callbackUrls);
  assertRedirectUrls('logoutUrls', logoutUrls);
  const oauthScopes = await params.list('oauthScopes');

  const domainPrefix = checkedDomainPrefix(await params.text('domainPrefix'));
  const hostedUiBranding = await params.oneOf('hostedUiBranding');

  return {
    userPoolTier,
    usernameAttributes: SIGN_IN_ATTRIBUTES[signInWith].length > 0 ? SIGN_IN_ATTRIBUTES[signInWith] : NO_VALUE,
    aliasAttributes: aliases.length > 0 ? aliases : NO_VALUE,
    schema: attributeSchema(required, [...customAttributes, ONBOARDED_SCHEMA_ATTRIBUTE]),
    writeAttributes: clientWriteAttributes(customAttributes),
    password: {
      MinimumLength: await params.integer('passwordMinLength'),
      RequireLowercase: await params.boolean('passwordRequireLowercase'),
      RequireUppercase: await params.boolean('passwordRequireUppercase'),
      RequireNumbers: await params.boolean('passwordRequireNumbers'),
      RequireSymbols: await params.boolean('passwordRequireSymbols'),
      TemporaryPasswordValidityDays: await params.integer('temporaryPasswordValidityDays'),
      ...(passwordHistorySize > 0 ? { PasswordHistorySize: passwordHistorySize } : {}),
    },
    adminCreateUserOnly: !(await params.boolean('selfSignUpEnabled')),
    mfa: methods.mfa,
    enabledMfas: methods.enabledMfas,
    signInPolicy: methods.signInPolicy,
    webAuthn: methods.webAuthn,
    emailAuthentication: methods.emailAuthentication,
    userPoolAddOns: threatProtectionAddOns(await params.oneOf('threatProtection')),
    autoVerifiedAttributes: autoVerified.length > 0 ? autoVerified : NO_VALUE,
    // Keep the old value of a verified attribute until the user confirms the new one.
    attributeUpdateSettings:
      autoVerified.length > 0 ? { AttributesRequireVerificationBeforeUpdate: autoVerified } : NO_VALUE,
    recoveryMechanisms: [
      { Name: 'verified_email', Priority: 1 },
      ...(smsEnabled ? [{ Name: 'verified_phone_number', Priority: 2 }] : []),
    ],
    emailConfiguration:
      emailSendingAccount === 'DEVELOPER'
        ? {
            EmailSendingAccount: 'DEVELOPER',
            SourceArn: sesIdentityArn,
            ...(emailFrom !== '' ? { From: emailFrom } : {}),
            ...(emailReplyTo !== '' ? { ReplyToEmailAddress: emailReplyTo } : {}),
          }
        : { EmailSendingAccount: 'COGNITO_DEFAULT' },
    sesSendingResource: sesIdentityArn !== '' ? sesIdentityArn : ANY_SES_IDENTITY_IN_ACCOUNT,
    deviceConfiguration:
      deviceRemembering === 'off'
        ? NO_VALUE
        : { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: deviceRemembering === 'opt-in' },
    deletionProtection: (await params.boolean('deletionProtection')) ? 'ACTIVE' : 'INACTIVE',
    callbackUrls,
    logoutUrls,
    oauthScopes,
    tokenValidity: {
      access: await params.integer('accessTokenValidityMinutes'),
      id: await params.integer('idTokenValidityMinutes'),
      refresh: await params.integer('refreshTokenValidityDays'),
    },
    refreshTokenRotation: await refreshTokenRotation(params),
    domainPrefix,
    // branded is managed login with a style of its own: the template's conditions know managed login only.
    branding: hostedUiBranding === 'branded' ? 'managed' : hostedUiBranding,
    managedLogin: managedLoginStyle(hostedUiBranding === 'branded'),
    logRetentionDays: await params.integer('logRetentionDays'),
    tokens: await tokenClaimSettings(params, userPoolTier),
    flags: {
      sms: String(smsEnabled),
      userAuth: String(methods.userAuth),
      ...(await customAuthFlags(params)),
      ...(await identityProviderFlags(params)),
    },
  };
}
