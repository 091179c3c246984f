// @ts-check

/**
 * Validates the stage parameters of serverless.yml when the stack is packaged and derives the values that
 * CloudFormation cannot compute from a string: lists, the attribute schema, the MFA and device settings, and
 * the flags behind the template's Conditions. A misconfigured parameter stops `serverless package` with a
 * message naming it.
 *
 * Used from serverless.yml as `custom.pool: ${file(./resources/pool-settings.js)}`.
 */

const NO_VALUE = { Ref: 'AWS::NoValue' };
const ANY_SES_IDENTITY_IN_ACCOUNT = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':identity/*'],
  ],
};

const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
];
const SIGN_IN_ATTRIBUTES = { email: ['email'], phone: ['phone_number'], username: [] };
const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'];
const OAUTH_SCOPES = ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'];
const RESERVED_DOMAIN_WORDS = ['aws', 'amazon', 'cognito'];

/** A stage parameter that does not hold an acceptable value. */
class ParameterError extends Error {
  /**
   * @param {string} name
   * @param {string} problem
   */
  constructor(name, problem) {
    super(`Stage parameter "${name}" ${problem}`);
    this.name = 'ParameterError';
    // The framework prints the stack; the message alone says everything.
    this.stack = this.message;
  }
}

/**
 * Reads the stage parameters through the framework's resolver, with typed accessors that reject bad values.
 * @param {(address: string) => Promise<unknown>} resolveVariable
 */
function parameterReader(resolveVariable) {
  /** @param {string} name */
  const raw = async (name) => {
    const value = await resolveVariable(`param:${name}`);
    return value === null || value === undefined ? '' : String(value).trim();
  };
  return {
    /** @param {string} name */
    string: raw,
    /** @param {string} name */
    async list(name) {
      return (await raw(name))
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    },
    /** @param {string} name */
    async boolean(name) {
      const value = (await raw(name)).toLowerCase();
      if (value !== 'true' && value !== 'false')
        throw new ParameterError(name, `must be true or false, got "${value}".`);
      return value === 'true';
    },
    /**
     * @param {string} name
     * @param {number} min
     * @param {number} max
     */
    async integer(name, min, max) {
      const value = await raw(name);
      const parsed = Number(value);
      if (value === '' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new ParameterError(name, `must be a whole number from ${min} to ${max}, got "${value}".`);
      }
      return parsed;
    },
    /**
     * @template {string} T
     * @param {string} name
     * @param {readonly T[]} allowed
     * @returns {Promise<T>}
     */
    async oneOf(name, allowed) {
      const value = await raw(name);
      const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (match === undefined) throw new ParameterError(name, `must be one of ${allowed.join(', ')}, got "${value}".`);
      return match;
    },
  };
}

/**
 * @param {string} name
 * @param {string[]} values
 * @param {readonly string[]} allowed
 */
function assertSubset(name, values, allowed) {
  const unknown = values.filter((value) => !allowed.includes(value));
  if (unknown.length > 0) {
    throw new ParameterError(
      name,
      `contains ${unknown.map((v) => `"${v}"`).join(', ')}; allowed: ${allowed.join(', ')}.`,
    );
  }
}

/**
 * @param {string} name
 * @param {string} message
 * @param {string[]} placeholders
 */
function assertPlaceholders(name, message, placeholders) {
  const missing = placeholders.filter((placeholder) => !message.includes(placeholder));
  if (missing.length > 0) throw new ParameterError(name, `must contain ${missing.join(' and ')}.`);
}

/**
 * @param {string} name
 * @param {string[]} urls
 */
function assertRedirectUrls(name, urls) {
  if (urls.length === 0) throw new ParameterError(name, 'must list at least one URL.');
  for (const url of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new ParameterError(name, `contains "${url}", which is not a URL.`);
    }
    const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
    if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
      throw new ParameterError(name, `contains "${url}"; Cognito accepts https URLs, and http only for localhost.`);
    }
  }
}

/**
 * @param {string[]} required
 * @param {string[]} custom
 */
function attributeSchema(required, custom) {
  const standard = required.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: true }));
  const customs = custom.map((definition) => {
    const [name = '', type = 'String', mutability = 'mutable', ...rest] = definition
      .split(':')
      .map((part) => part.trim());
    if (
      !/^[A-Za-z0-9_]{1,20}$/.test(name) ||
      !['String', 'Number'].includes(type) ||
      !['mutable', 'immutable'].includes(mutability) ||
      rest.length > 0
    ) {
      throw new ParameterError(
        'customAttributes',
        `has "${definition}"; write name:String|Number[:immutable] with a name of 1-20 letters, digits or _.`,
      );
    }
    return {
      Name: name,
      AttributeDataType: type,
      Mutable: mutability === 'mutable',
      ...(type === 'String'
        ? { StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } }
        : { NumberAttributeConstraints: { MinValue: '0' } }),
    };
  });
  return [...standard, ...customs];
}

/**
 * Which federated identity providers are configured; Apple and SAML need every one of their parameters.
 * @param {ReturnType<typeof parameterReader>} params
 */
async function identityProviders(params) {
  const apple = [
    await params.string('appleServicesId'),
    await params.string('appleTeamId'),
    await params.string('appleKeyId'),
  ];
  const saml = [await params.string('samlProviderName'), await params.string('samlMetadataUrl')];
  const appleSet = apple.filter((value) => value !== '').length;
  if (appleSet !== 0 && appleSet !== apple.length) {
    throw new ParameterError(
      'appleServicesId',
      'and appleTeamId and appleKeyId must be set together (or all left empty).',
    );
  }
  if ((saml[0] === '') !== (saml[1] === '')) {
    throw new ParameterError('samlProviderName', 'and samlMetadataUrl must be set together (or both left empty).');
  }
  if (saml[0] !== '' && !/^[\w.-]{1,32}$/.test(saml[0] ?? '')) {
    throw new ParameterError('samlProviderName', 'must be 1-32 letters, digits, ".", "_" or "-".');
  }
  return {
    google: String((await params.string('googleClientId')) !== ''),
    facebook: String((await params.string('facebookAppId')) !== ''),
    apple: String(appleSet === apple.length),
    amazon: String((await params.string('amazonClientId')) !== ''),
    saml: String(saml[0] !== ''),
  };
}

/** @param {{ resolveVariable: (address: string) => Promise<unknown> }} framework */
module.exports = async ({ resolveVariable }) => {
  const params = parameterReader(resolveVariable);

  const userPoolTier = await params.oneOf('userPoolTier', /** @type {const} */ (['LITE', 'ESSENTIALS', 'PLUS']));
  const signInWith = await params.oneOf('signInWith', /** @type {const} */ (['email', 'phone', 'username']));
  const aliases = await params.list('usernameAliases');
  assertSubset('usernameAliases', aliases, ALIAS_ATTRIBUTES);
  if (aliases.length > 0 && signInWith !== 'username') {
    throw new ParameterError('usernameAliases', 'only applies when signInWith is "username".');
  }

  const required = await params.list('requiredAttributes');
  assertSubset('requiredAttributes', required, STANDARD_ATTRIBUTES);
  const autoVerified = await params.list('autoVerifiedAttributes');
  assertSubset('autoVerifiedAttributes', autoVerified, ['email', 'phone_number']);

  const mfa = await params.oneOf('mfa', /** @type {const} */ (['OFF', 'OPTIONAL', 'ON']));
  const mfaMethods = [
    ...((await params.boolean('mfaTotp')) ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...((await params.boolean('mfaSms')) ? ['SMS_MFA'] : []),
  ];
  if (mfa !== 'OFF' && mfaMethods.length === 0) {
    throw new ParameterError('mfa', `is ${mfa}, so at least one of mfaTotp and mfaSms must be true.`);
  }
  const smsEnabled =
    signInWith === 'phone' ||
    autoVerified.includes('phone_number') ||
    (mfa !== 'OFF' && mfaMethods.includes('SMS_MFA'));

  for (const [name, placeholders] of /** @type {const} */ ([
    ['invitationEmailMessage', ['{username}', '{####}']],
    ['invitationSmsMessage', ['{username}', '{####}']],
    ['verificationEmailMessage', ['{####}']],
    ['verificationSmsMessage', ['{####}']],
  ])) {
    assertPlaceholders(name, await params.string(name), [...placeholders]);
  }

  const emailSendingAccount = await params.oneOf(
    'emailSendingAccount',
    /** @type {const} */ (['COGNITO_DEFAULT', 'DEVELOPER']),
  );
  const sesIdentityArn = await params.string('sesIdentityArn');
  const emailFrom = await params.string('emailFrom');
  if (emailSendingAccount === 'DEVELOPER' && !/^arn:aws[\w-]*:ses:[\w-]+:\d{12}:identity\/.+$/.test(sesIdentityArn)) {
    throw new ParameterError(
      'sesIdentityArn',
      `must be the ARN of a verified SES identity when emailSendingAccount is DEVELOPER, got "${sesIdentityArn}".`,
    );
  }

  const deviceRemembering = await params.oneOf('deviceRemembering', /** @type {const} */ (['off', 'always', 'opt-in']));

  const callbackUrls = await params.list('callbackUrls');
  const logoutUrls = await params.list('logoutUrls');
  assertRedirectUrls('callbackUrls', callbackUrls);
  assertRedirectUrls('logoutUrls', logoutUrls);
  const oauthScopes = await params.list('oauthScopes');
  assertSubset('oauthScopes', oauthScopes, OAUTH_SCOPES);

  const domainPrefix = (await params.string('domainPrefix')).toLowerCase();
  if (
    !/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/.test(domainPrefix) ||
    RESERVED_DOMAIN_WORDS.some((word) => domainPrefix.includes(word))
  ) {
    throw new ParameterError(
      'domainPrefix',
      `must be 1-50 lower-case letters, digits or hyphens without "aws", "amazon" or "cognito", got "${domainPrefix}".`,
    );
  }

  return {
    userPoolTier,
    usernameAttributes: SIGN_IN_ATTRIBUTES[signInWith].length > 0 ? SIGN_IN_ATTRIBUTES[signInWith] : NO_VALUE,
    aliasAttributes: aliases.length > 0 ? aliases : NO_VALUE,
    schema: attributeSchema(required, await params.list('customAttributes')),
    password: {
      MinimumLength: await params.integer('passwordMinLength', 6, 99),
      RequireLowercase: await params.boolean('passwordRequireLowercase'),
      RequireUppercase: await params.boolean('passwordRequireUppercase'),
      RequireNumbers: await params.boolean('passwordRequireNumbers'),
      RequireSymbols: await params.boolean('passwordRequireSymbols'),
      TemporaryPasswordValidityDays: await params.integer('temporaryPasswordValidityDays', 0, 365),
    },
    adminCreateUserOnly: !(await params.boolean('selfSignUpEnabled')),
    mfa,
    enabledMfas: mfa === 'OFF' ? NO_VALUE : mfaMethods,
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
            ...((await params.string('emailReplyTo')) !== ''
              ? { ReplyToEmailAddress: await params.string('emailReplyTo') }
              : {}),
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
      access: await params.integer('accessTokenValidityMinutes', 5, 1440),
      id: await params.integer('idTokenValidityMinutes', 5, 1440),
      refresh: await params.integer('refreshTokenValidityDays', 1, 3650),
    },
    domainPrefix,
    branding: await params.oneOf('hostedUiBranding', /** @type {const} */ (['none', 'css', 'managed'])),
    logRetentionDays: await params.integer('logRetentionDays', 1, 3653),
    flags: {
      sms: String(smsEnabled),
      ...(await identityProviders(params)),
    },
  };
};
