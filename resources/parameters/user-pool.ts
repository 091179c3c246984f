import { STANDARD_ATTRIBUTES } from '@shared/standard-attributes';
import { type ParameterGroup, PLANS, rule } from './parameter';

/** The user pool's own settings: plan, sign-in, passwords, sign-up, MFA, verification, email, devices. */
export const USER_POOL_PARAMETERS = [
  {
    title: 'Feature plan',
    parameters: [
      {
        name: 'userPoolTier',
        default: 'ESSENTIALS',
        rule: rule.oneOf(...PLANS),
        meaning:
          'The Cognito feature plan, priced per monthly active user; `ESSENTIALS` is Cognito’s own default. Parameters that need a plan say so.',
      },
    ],
  },
  {
    title: 'Sign-in',
    parameters: [
      {
        name: 'signInWith',
        default: 'email',
        rule: rule.oneOf('email', 'phone', 'username'),
        meaning:
          'What users sign in with: their email address, phone number or a username. Usernames are case-insensitive.',
      },
      {
        name: 'usernameAliases',
        default: '',
        rule: rule.listOf('email', 'phone_number', 'preferred_username'),
        meaning: 'With `signInWith: username`: the verified attributes that also sign in.',
      },
      {
        name: 'requiredAttributes',
        default: 'email,name',
        rule: rule.listOf(...STANDARD_ATTRIBUTES),
        meaning: 'Standard attributes every user must have. Cannot be changed after the pool exists.',
      },
      {
        name: 'customAttributes',
        default: '',
        stages: { local: 'tenant_id:String' },
        rule: rule.list,
        meaning:
          'Custom attributes as `name:String|Number[:immutable]`, e.g. `tenant_id:String:immutable`; a name has 1–20 letters, digits or `_`. Read as `custom:<name>`.',
      },
    ],
  },
  {
    title: 'Sign-in methods',
    parameters: [
      {
        name: 'signInFactors',
        default: 'password',
        stages: { local: 'password,email_otp' },
        rule: rule.listOf('password', 'email_otp', 'sms_otp', 'passkey'),
        meaning:
          'First factors of choice-based sign-in (`USER_AUTH`): `password`, a code by email (`email_otp`, needs `emailSendingAccount: DEVELOPER`) or SMS (`sms_otp`, needs `phone_number` in `autoVerifiedAttributes`), a passkey (`passkey`). `password` must be one of them. Anything beyond `password` sets the pool’s `SignInPolicy` and lets the app client use `USER_AUTH`.',
        plan: { needs: 'ESSENTIALS', unless: ['password'] },
      },
      {
        name: 'passkeyRelyingPartyId',
        default: '',
        rule: rule.text,
        meaning:
          'With `passkey`: the relying party id passkeys are bound to, a domain such as `example.com` (your app’s, or a custom domain of managed login). Empty: Cognito’s, the hosted UI domain.',
        plan: { needs: 'ESSENTIALS', unless: [''] },
      },
      {
        name: 'passkeyUserVerification',
        default: 'preferred',
        rule: rule.oneOf('preferred', 'required'),
        meaning:
          'With `passkey`: `required` accepts only authenticators that verify the user (biometrics, PIN); `preferred` asks for it.',
      },
    ],
  },
  {
    title: 'Password policy',
    parameters: [
      { name: 'passwordMinLength', default: 12, rule: rule.integer(6, 99), meaning: 'Minimum password length.' },
      {
        name: 'passwordRequireLowercase',
        default: true,
        rule: rule.boolean,
        meaning: 'A password must contain a lower-case letter.',
      },
      {
        name: 'passwordRequireUppercase',
        default: true,
        rule: rule.boolean,
        meaning: 'A password must contain an upper-case letter.',
      },
      {
        name: 'passwordRequireNumbers',
        default: true,
        rule: rule.boolean,
        meaning: 'A password must contain a digit.',
      },
      {
        name: 'passwordRequireSymbols',
        default: false,
        rule: rule.boolean,
        meaning: 'A password must contain a symbol.',
      },
      {
        name: 'temporaryPasswordValidityDays',
        default: 7,
        rule: rule.integer(0, 365),
        meaning: 'How long an administrator-issued temporary password works, in days.',
      },
      {
        name: 'passwordHistorySize',
        default: 0,
        rule: rule.integer(0, 24),
        meaning: 'How many of a user’s previous passwords a new password may not repeat. `0`: none.',
        plan: { needs: 'ESSENTIALS', unless: [0] },
      },
    ],
  },
  {
    title: 'Sign-up',
    parameters: [
      {
        name: 'selfSignUpEnabled',
        default: true,
        rule: rule.boolean,
        meaning: '`false`: only administrators create users (invitation by AdminCreateUser).',
      },
      {
        name: 'invitationEmailSubject',
        default: 'Your new account',
        rule: rule.text,
        meaning: 'Subject of Cognito’s own invitation email. The `customMessage` trigger replaces it when active.',
      },
      {
        name: 'invitationEmailMessage',
        default: 'Your username is {username} and your temporary password is {####}.',
        rule: rule.text,
        meaning: 'Cognito’s own invitation email; must contain `{username}` and `{####}`.',
      },
      {
        name: 'invitationSmsMessage',
        default: 'Your username is {username} and your temporary password is {####}.',
        rule: rule.text,
        meaning: 'Cognito’s own invitation SMS; must contain `{username}` and `{####}`.',
      },
    ],
  },
  {
    title: 'MFA',
    parameters: [
      {
        name: 'mfa',
        default: 'OFF',
        rule: rule.oneOf('OFF', 'OPTIONAL', 'ON'),
        meaning: 'Multi-factor authentication: `OPTIONAL` lets users choose, `ON` requires it.',
      },
      {
        name: 'mfaTotp',
        default: true,
        rule: rule.boolean,
        meaning: 'Offer authenticator apps (TOTP) as a second factor.',
      },
      {
        name: 'mfaSms',
        default: false,
        rule: rule.boolean,
        meaning:
          'Offer SMS codes as a second factor. The SMS role and configuration exist only when SMS is used (SMS MFA, SMS sign-in codes, phone sign-in or phone verification).',
      },
      {
        name: 'mfaEmail',
        default: false,
        rule: rule.boolean,
        meaning:
          'Offer codes by email as a second factor (`EMAIL_OTP`). Needs `emailSendingAccount: DEVELOPER`, and `mfaTotp` or `mfaSms` besides.',
        plan: { needs: 'ESSENTIALS', unless: [false] },
      },
      {
        name: 'mfaEmailSubject',
        default: 'Your sign-in code',
        rule: rule.text,
        meaning:
          'Subject of Cognito’s own email with an MFA or `email_otp` sign-in code (at most 140 characters), with `mfa` `OPTIONAL` or `ON`: CloudFormation cannot set it while MFA is `OFF`, when sign-in codes carry Cognito’s default text. The `customMessage` trigger replaces it when active.',
      },
      {
        name: 'mfaEmailMessage',
        default: 'Your sign-in code is {####}.',
        rule: rule.text,
        meaning:
          'Cognito’s own email with an MFA or `email_otp` sign-in code, with `mfa` `OPTIONAL` or `ON` (as `mfaEmailSubject`); must contain `{####}`.',
      },
    ],
  },
  {
    title: 'Verification and recovery',
    parameters: [
      {
        name: 'autoVerifiedAttributes',
        default: 'email',
        rule: rule.listOf('email', 'phone_number'),
        meaning:
          'Attributes verified by a code. Account recovery uses the verified email (and the phone when SMS is on).',
      },
      {
        name: 'verificationEmailSubject',
        default: 'Your verification code',
        rule: rule.text,
        meaning: 'Subject of Cognito’s own verification email.',
      },
      {
        name: 'verificationEmailMessage',
        default: 'Your verification code is {####}.',
        rule: rule.text,
        meaning: 'Cognito’s own verification email (a code, not a link); must contain `{####}`.',
      },
      {
        name: 'verificationSmsMessage',
        default: 'Your verification code is {####}.',
        rule: rule.text,
        meaning: 'Cognito’s own verification SMS; must contain `{####}`.',
      },
    ],
  },
  {
    title: 'Email sending',
    parameters: [
      {
        name: 'emailSendingAccount',
        default: 'COGNITO_DEFAULT',
        stages: { local: 'DEVELOPER' },
        rule: rule.oneOf('COGNITO_DEFAULT', 'DEVELOPER'),
        meaning:
          '`COGNITO_DEFAULT`: Cognito’s sender, with a low daily quota; `DEVELOPER`: your SES identity. **The custom message texts of the `customMessage` trigger need `DEVELOPER`.**',
      },
      {
        name: 'sesIdentityArn',
        default: '',
        stages: { local: 'arn:aws:ses:us-east-1:000000000000:identity/example.com' },
        rule: rule.text,
        meaning:
          'With `DEVELOPER`: the ARN of a verified SES identity, e.g. `arn:aws:ses:us-east-1:123456789012:identity/example.com`.',
      },
      {
        name: 'emailFrom',
        default: '',
        stages: { local: 'Cognito Flows <no-reply@example.com>' },
        rule: rule.text,
        meaning:
          'From address of Cognito’s emails (with `DEVELOPER`) and of `postConfirmation`’s: `address` or `Name <address>`. Empty: `postConfirmation` sends no email.',
      },
      {
        name: 'emailReplyTo',
        default: '',
        rule: rule.text,
        meaning: 'With `DEVELOPER`: the Reply-To address of Cognito’s emails; none when empty.',
      },
    ],
  },
  {
    title: 'Devices and protection',
    parameters: [
      {
        name: 'deviceRemembering',
        default: 'off',
        rule: rule.oneOf('off', 'always', 'opt-in'),
        meaning: 'Remembered devices: `always`, or `opt-in` when the user chooses to remember a device.',
      },
      {
        name: 'threatProtection',
        default: 'off',
        rule: rule.oneOf('off', 'audit', 'enforced'),
        meaning:
          'Threat protection for password, SRP and custom sign-ins: `audit` scores and logs risky sign-ins and compromised passwords, `enforced` also acts on them (block, or ask for MFA).',
        plan: { needs: 'PLUS', unless: ['off'] },
      },
      {
        name: 'deletionProtection',
        default: false,
        stages: { prod: true },
        rule: rule.boolean,
        meaning: 'Protects the pool and the tables from deletion.',
      },
    ],
  },
] as const satisfies readonly ParameterGroup[];
