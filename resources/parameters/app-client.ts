import { type ParameterGroup, rule } from './parameter';

/** How apps reach the pool: the app client, the hosted UI and the federated identity providers. */
export const APP_CLIENT_PARAMETERS = [
  {
    title: 'App client',
    parameters: [
      {
        name: 'callbackUrls',
        default: 'http://localhost:3000/auth/callback',
        stages: { prod: 'https://app.example.com/auth/callback' },
        rule: rule.list,
        meaning: 'Where OAuth sends users after sign-in: https URLs, or http for localhost only.',
      },
      {
        name: 'logoutUrls',
        default: 'http://localhost:3000/',
        stages: { prod: 'https://app.example.com/' },
        rule: rule.list,
        meaning: 'Where OAuth sends users after sign-out: https URLs, or http for localhost only.',
      },
      {
        name: 'oauthScopes',
        default: 'openid,email,profile',
        rule: rule.listOf('openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'),
        meaning: 'Scopes the app client may request.',
      },
      {
        name: 'accessTokenValidityMinutes',
        default: 60,
        rule: rule.integer(5, 1440),
        meaning: 'Lifetime of access tokens, in minutes.',
      },
      {
        name: 'idTokenValidityMinutes',
        default: 60,
        rule: rule.integer(5, 1440),
        meaning: 'Lifetime of ID tokens, in minutes.',
      },
      {
        name: 'refreshTokenValidityDays',
        default: 30,
        rule: rule.integer(1, 3650),
        meaning: 'Lifetime of refresh tokens, in days.',
      },
      {
        name: 'refreshTokenRotation',
        default: false,
        rule: rule.boolean,
        meaning:
          'Each refresh returns a new refresh token and retires the one used. Apps must then refresh with `GetTokensFromRefreshToken` (aws-amplify v6 does); `InitiateAuth` with `REFRESH_TOKEN_AUTH` is refused.',
        plan: { needs: 'ESSENTIALS', unless: [false] },
      },
      {
        name: 'refreshTokenRotationGraceSeconds',
        default: 0,
        rule: rule.integer(0, 60),
        meaning:
          'With `refreshTokenRotation`: how long a retired refresh token still works, in seconds, for an app that retries a refresh.',
      },
    ],
  },
  {
    title: 'Hosted UI',
    parameters: [
      {
        name: 'domainPrefix',
        default: 'flows-${sls:stage}',
        rule: rule.text,
        meaning:
          'Hosted UI domain prefix, to which the AWS account id is appended: 1–50 lower-case letters, digits or hyphens, without `aws`, `amazon` or `cognito`.',
      },
      {
        name: 'hostedUiBranding',
        default: 'css',
        rule: rule.oneOf('none', 'css', 'managed', 'branded'),
        meaning:
          '`css`: the classic hosted UI styled by `branding/hosted-ui.css`; `managed`: managed login with Cognito’s default style, editable in the console; `branded`: managed login with the style and images of `branding/managed-login/` (see [Branding](sign-in-methods.md#managed-login-branding)). On the Lite plan the classic hosted UI is the only one: `none` or `css`.',
        // "In the Lite feature plan, the classic hosted UI is your only option for user pool domain services":
        // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
        plan: { needs: 'ESSENTIALS', unless: ['none', 'css'] },
      },
    ],
  },
  {
    title: 'Federated sign-in',
    parameters: [
      {
        name: 'identityProviderSecret',
        default: 'cognito-flows/${sls:stage}/identity-providers',
        rule: rule.text,
        meaning: 'Secrets Manager secret holding the identity providers’ secrets (see [Deploy](deploy.md)).',
      },
      { name: 'googleClientId', default: '', rule: rule.text, meaning: 'Set to create the Google provider.' },
      { name: 'facebookAppId', default: '', rule: rule.text, meaning: 'Set to create the Facebook provider.' },
      {
        name: 'appleServicesId',
        default: '',
        rule: rule.text,
        meaning: 'Set with `appleTeamId` and `appleKeyId` to create Sign in with Apple.',
      },
      { name: 'appleTeamId', default: '', rule: rule.text, meaning: 'See `appleServicesId`.' },
      { name: 'appleKeyId', default: '', rule: rule.text, meaning: 'See `appleServicesId`.' },
      { name: 'amazonClientId', default: '', rule: rule.text, meaning: 'Set to create Login with Amazon.' },
      {
        name: 'samlProviderName',
        default: '',
        rule: rule.text,
        meaning:
          'Set with `samlMetadataUrl` to create a SAML provider of this name: 1–32 letters, digits, `.`, `_` or `-`.',
      },
      { name: 'samlMetadataUrl', default: '', rule: rule.text, meaning: 'The SAML provider’s metadata document URL.' },
    ],
  },
] as const satisfies readonly ParameterGroup[];
