import { loadPreSignUpConfig } from '@functions/pre-sign-up/config';
import type * as PreSignUpBundle from '@functions/pre-sign-up/handler';
import type { PoolUser } from '@functions/pre-sign-up/native-users';
import { defineBenchedFunction } from './benched-function';

/** The native user every look-up finds, so that a federated sign-up takes the linking path. */
const NATIVE_USER_ID = '7c3e9a4b-2f61-70d8-a5e4-1b9c8d7f6e05';

/** The native user as the in-memory pool gives it to the warm handler. */
const nativeUser = (email: string): PoolUser => ({
  username: NATIVE_USER_ID,
  status: 'CONFIRMED',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  attributes: { sub: NATIVE_USER_ID, email, email_verified: 'true' },
});

/** The native user as the Cognito API stub's ListUsers answers, with the email of the request's filter. */
function listedNativeUser(filter: unknown): Record<string, unknown> {
  const email = /^email = "(.*)"$/.exec(String(filter))?.[1]?.replace(/\\(.)/g, '$1') ?? 'native.user@example.com';
  return {
    Username: NATIVE_USER_ID,
    UserStatus: 'CONFIRMED',
    Enabled: true,
    UserCreateDate: 1_700_000_000,
    Attributes: [
      { Name: 'sub', Value: NATIVE_USER_ID },
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  };
}

/** preSignUp: the ordinary sign-up calls no AWS service; a federated one finds the native user and links to it. */
export const preSignUp = defineBenchedFunction({
  loadConfig: loadPreSignUpConfig,
  warmHandler: (bundle: typeof PreSignUpBundle, config) =>
    bundle.createPreSignUpHandler(config, {
      nativeUsers: { withEmail: async (_pool, email) => [nativeUser(email)], link: async () => 'linked' },
    }),
  paths: {
    ordinary: { what: 'ordinary sign-up', fixture: 'PreSignUp_SignUp' },
    federated: {
      what: 'federated sign-up, linked to the native user',
      fixture: 'PreSignUp_ExternalProvider',
      floor: 'pre-sign-up-federated',
    },
  },
  cognitoAnswers: {
    ListUsers: (input) => ({ Users: [listedNativeUser(input.Filter)] }),
    AdminLinkProviderForUser: () => ({}),
  },
});
