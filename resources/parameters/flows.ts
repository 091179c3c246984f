import { CUSTOM_AUTH_INTEGERS, type IntegerSetting } from '@shared/custom-auth/config';
import { type ParameterGroup, type ParameterRule, rule } from './parameter';

/** The default and rule of a parameter whose bounds the functions' code declares (`setting`). */
function declaredIn(setting: IntegerSetting): { default: number; rule: ParameterRule } {
  return { default: setting.default, rule: rule.integer(setting.min, setting.max) };
}

/** The settings of the trigger flows: the sign-up policy, the migration, the messages. */
export const FLOW_PARAMETERS = [
  {
    title: 'Sign-up policy',
    parameters: [
      {
        name: 'allowedEmailDomains',
        default: '',
        rule: rule.list,
        meaning: 'Only these domains (and their subdomains) may sign up. Empty: any domain.',
      },
      {
        name: 'deniedEmailDomains',
        default: '',
        stages: { local: 'denied.example' },
        rule: rule.list,
        meaning: 'These domains (and their subdomains) may not sign up.',
      },
      {
        name: 'blockDisposableEmail',
        default: false,
        rule: rule.boolean,
        meaning: 'Refuse addresses at disposable-email services.',
      },
      {
        name: 'autoConfirmEmailDomains',
        default: '',
        stages: { local: 'trusted.example' },
        rule: rule.list,
        meaning: 'Self sign-ups from these domains are confirmed and their email verified without a code.',
      },
      {
        name: 'policyForAdminCreatedUsers',
        default: false,
        rule: rule.boolean,
        meaning: 'Apply the domain and disposable-email rules to users created by AdminCreateUser too.',
      },
      {
        name: 'linkFederatedUsers',
        default: true,
        rule: rule.boolean,
        meaning: 'Link a first federated sign-in to the native user with the same verified email.',
      },
      {
        name: 'providersVerifyingEmail',
        default: '',
        rule: rule.list,
        meaning: 'Identity providers whose email counts as verified though they send no `email_verified`.',
      },
      {
        name: 'verifyFederatedEmail',
        default: true,
        rule: rule.boolean,
        meaning: 'Mark a federated user’s email verified when the provider verified it.',
      },
      {
        name: 'inviteCodeSha256',
        default: '',
        rule: rule.list,
        meaning: 'SHA-256 digests (hex) of invite codes; when set, a self sign-up needs one of the codes.',
      },
    ],
  },
  {
    title: 'User migration',
    parameters: [
      {
        name: 'legacyHashFormat',
        default: 'bcrypt',
        rule: rule.oneOf('bcrypt', 'pbkdf2-sha256', 'django-pbkdf2-sha256', 'scrypt', 'argon2'),
        meaning: 'The format most legacy records use; unknown users are checked against a dummy hash of it.',
      },
      {
        name: 'legacyDummyHash',
        default: '',
        rule: rule.text,
        meaning:
          'A hash of a throwaway password in your records’ format and cost, so unknown users take as long as real ones. Empty: a built-in hash of `legacyHashFormat`.',
      },
    ],
  },
  {
    title: 'Passwordless sign-in',
    parameters: [
      {
        name: 'customAuthMethods',
        default: '',
        stages: { local: 'email_code,magic_link' },
        rule: rule.listOf('email_code', 'magic_link'),
        meaning:
          'Passwordless sign-in through custom authentication (`CUSTOM_AUTH`), on any plan: a one-time code by email (`email_code`), a link by email (`magic_link`). Needs `emailFrom`. Empty: off, and the app client does not allow `CUSTOM_AUTH`.',
      },
      {
        name: 'signInCodeLength',
        ...declaredIn(CUSTOM_AUTH_INTEGERS.signInCodeLength),
        meaning: 'Digits of an emailed sign-in code.',
      },
      {
        name: 'signInCodeValiditySeconds',
        ...declaredIn(CUSTOM_AUTH_INTEGERS.signInCodeValiditySeconds),
        meaning:
          'How long a sign-in code is accepted; answering after that sends a new code. The app client’s sign-in session lasts 3 minutes.',
      },
      {
        name: 'magicLinkPath',
        default: '/sign-in',
        rule: rule.text,
        meaning: 'Path of the app page a magic link opens, after `appUrl`; the token follows in the fragment (`#`).',
      },
      {
        name: 'magicLinkValiditySeconds',
        ...declaredIn(CUSTOM_AUTH_INTEGERS.magicLinkValiditySeconds),
        meaning: 'How long a magic link signs in; each link signs in once.',
      },
      {
        name: 'signInEmailsPerWindow',
        ...declaredIn(CUSTOM_AUTH_INTEGERS.signInEmailsPerWindow),
        meaning: 'Sign-in emails (codes and links) one user may be sent per `signInEmailWindowSeconds`.',
      },
      {
        name: 'signInEmailWindowSeconds',
        ...declaredIn(CUSTOM_AUTH_INTEGERS.signInEmailWindowSeconds),
        meaning: 'The window of `signInEmailsPerWindow`, in seconds.',
      },
      {
        name: 'magicLinkKeyName',
        default: 'cognito-flows/${sls:stage}/magic-link-key',
        rule: rule.text,
        meaning:
          'Name of the Secrets Manager secret whose value signs magic links; the stack creates it with a random value when `magic_link` is on.',
      },
    ],
  },
  {
    title: 'Messages',
    parameters: [
      {
        name: 'productName',
        default: 'Cognito Flows',
        rule: rule.text,
        meaning: 'Product name in subjects, SMS and the email header.',
      },
      {
        name: 'supportEmail',
        default: 'support@example.com',
        rule: rule.text,
        meaning: 'Address in the email footer.',
      },
      {
        name: 'appUrl',
        default: 'http://localhost:3000',
        stages: { prod: 'https://app.example.com' },
        rule: rule.text,
        meaning: 'The app’s base URL; links in messages point here.',
      },
      {
        name: 'brandedMessages',
        default: true,
        rule: rule.boolean,
        meaning: '`false`: Cognito’s own messages for every trigger source.',
      },
      {
        name: 'defaultMessageSources',
        default: '',
        rule: rule.list,
        meaning: 'Trigger sources that keep Cognito’s message, e.g. `Authentication,ForgotPassword`.',
      },
      {
        name: 'confirmPath',
        default: '/confirm',
        rule: rule.text,
        meaning: 'Path of the app page that confirms a sign-up from the emailed link.',
      },
      {
        name: 'passwordChangedNotice',
        default: true,
        rule: rule.boolean,
        meaning: 'Email a notice after a password reset.',
      },
      {
        name: 'passwordChangeDedupeSeconds',
        default: 120,
        rule: rule.integer(10, 3600),
        meaning: 'A second reset confirmation within this many seconds of the first is a duplicate.',
      },
      {
        name: 'emailMaxAttempts',
        default: 5,
        rule: rule.integer(1, 20),
        meaning:
          'Failed sends of one onboarding email (the trigger’s own and the outbox’s, 1, 2, 4… minutes apart) after which it is parked for an operator.',
      },
      {
        name: 'recordLastSignIn',
        default: false,
        rule: rule.boolean,
        meaning:
          '`postAuthentication` sets `lastSignInAt` on the profile at every sign-in (one DynamoDB write per sign-in). Off: an ordinary sign-in does no I/O.',
      },
    ],
  },
  {
    title: 'Groups and logs',
    parameters: [
      {
        name: 'defaultGroup',
        default: 'users',
        rule: rule.list,
        meaning: 'Group every confirmed user joins (more than one: a comma list; the others must exist). Empty: none.',
      },
      { name: 'adminGroup', default: 'admins', rule: rule.text, meaning: 'Group for administrators.' },
      {
        name: 'logLevel',
        default: 'info',
        stages: { prod: 'warn' },
        rule: rule.oneOf('debug', 'info', 'warn', 'error'),
        meaning:
          'The least severe log lines the functions write; an application log level set in Lambda’s advanced logging controls takes its place.',
      },
      {
        name: 'logEvents',
        default: false,
        rule: rule.boolean,
        meaning:
          'Log each incoming event, redacted, at `info`: for recording fixtures from a real pool (see [Recording fixtures](local-pool.md#recording-fixtures)).',
      },
      {
        name: 'logRetentionDays',
        default: 30,
        stages: { prod: 365 },
        rule: rule.integer(1, 3653),
        meaning: 'How long the functions’ log groups keep their lines, in days.',
      },
    ],
  },
] as const satisfies readonly ParameterGroup[];
