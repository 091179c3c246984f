/**
 * Every way into the pool ends onboarded, with the client libraries apps use against the whole local pool: a user
 * migrated by signing in (amazon-cognito-identity-js, USER_PASSWORD_AUTH) and an invited user who sets a password
 * (aws-amplify v6, SRP) each end with one profile, the default group — in their tokens from the next sign-in or
 * refresh, as on AWS — and one welcome email; more sign-ins change nothing, and PostAuthentication sees them
 * onboarded from the event. The outbox's schedule runs against the same pool.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { useAmplifyTestPool } from '@test/helpers/amplify';
import { cognitoUserPoolOf } from '@test/helpers/local-pool';
import {
  AuthenticationDetails,
  type CognitoRefreshToken,
  CognitoUser,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { confirmSignIn, fetchAuthSession, signIn, signOut, signUp, updateUserAttributes } from 'aws-amplify/auth';

const GROUP = 'users';
const run = useAmplifyTestPool();

/** The profiles of the pool's profiles table whose email is `email`. */
async function profilesOf(email: string) {
  return (await run.items('UserProfilesTable')).filter((item) => item['email']?.S === email);
}

/** The welcome emails SES received for `email`. */
async function welcomeEmailsTo(email: string) {
  return (await run.emails()).filter(
    (message) => message.destination.to.includes(email) && message.subject.startsWith('Welcome to'),
  );
}

/** What PostAuthentication was told of `email`'s sign-ins: whether each event showed the user onboarded. */
function postAuthenticationsOf(email: string): boolean[] {
  return run
    .invocations()
    .filter(({ triggerSource }) => triggerSource === 'PostAuthentication_Authentication')
    .map(({ event }) => (event as { request: { userAttributes: Record<string, string> } }).request.userAttributes)
    .filter((attributes) => attributes['email'] === email)
    .map((attributes) => attributes['custom:onboarded'] === '1');
}

function groupsOf(payload: Record<string, unknown>): unknown {
  return payload['cognito:groups'];
}

describe('a user migrated by signing in (amazon-cognito-identity-js)', () => {
  const email = 'legacy.user@example.com';
  const password = 'Legacy-Passw0rd!';

  function signInOnce(): Promise<{ user: CognitoUser; session: CognitoUserSession }> {
    const user = new CognitoUser({ Username: email, Pool: cognitoUserPoolOf(run) });
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
        onSuccess: (session) => resolve({ user, session }),
        onFailure: reject,
      }),
    );
  }

  it('is onboarded by the sign-in that migrates them, has the group from the next token on, and later sign-ins change nothing', async () => {
    const first = await signInOnce();
    expect(groupsOf(first.session.getIdToken().decodePayload())).toBeUndefined();

    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      first.user.refreshSession(first.session.getRefreshToken() as CognitoRefreshToken, (error, session) =>
        error ? reject(error) : resolve(session),
      ),
    );
    expect(groupsOf(refreshed.getIdToken().decodePayload())).toEqual([GROUP]);

    const later = [await signInOnce(), await signInOnce()];
    expect(later.map(({ session }) => groupsOf(session.getIdToken().decodePayload()))).toEqual([[GROUP], [GROUP]]);

    const profiles = await profilesOf(email);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]?.['createdBy']?.S).toBe('PostAuthentication_Authentication');
    expect(await welcomeEmailsTo(email)).toHaveLength(1);
    expect(postAuthenticationsOf(email)).toEqual([false, true, true]);
  });
});

describe('an invited user who sets a password (aws-amplify v6)', () => {
  const email = 'sam.invited@example.com';
  const temporary = 'Temporary-Pass-1';
  const chosen = 'Chosen-Password-2';

  async function idTokenPayload(forceRefresh = false): Promise<Record<string, unknown>> {
    const { tokens } = await fetchAuthSession({ forceRefresh });
    return tokens?.idToken?.payload ?? {};
  }

  it('is onboarded once past NEW_PASSWORD_REQUIRED, has the group from the next token on, and later sign-ins change nothing', async () => {
    await run.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: run.pool.userPoolId,
        Username: email,
        TemporaryPassword: temporary,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Sam Invited' },
        ],
      }),
    );

    const challenged = await signIn({ username: email, password: temporary });
    expect(challenged.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const done = await confirmSignIn({ challengeResponse: chosen });
    expect(done.isSignedIn).toBe(true);
    expect(groupsOf(await idTokenPayload())).toBeUndefined();
    expect(groupsOf(await idTokenPayload(true))).toEqual([GROUP]);

    for (let again = 0; again < 2; again += 1) {
      await signOut();
      await signIn({ username: email, password: chosen });
      expect(groupsOf(await idTokenPayload())).toEqual([GROUP]);
    }
    await signOut();

    expect(await profilesOf(email)).toHaveLength(1);
    expect(await welcomeEmailsTo(email)).toHaveLength(1);
    expect(postAuthenticationsOf(email)).toEqual([false, true, true]);
  });
});

describe('a self sign-up auto-confirmed by PreSignUp', () => {
  it('ends with one profile and one welcome email however the triggers come, and the group in its first token', async () => {
    const email = `auto.confirmed.${Date.now()}@trusted.example`;
    const password = 'Correct-Horse-42';
    const result = await signUp({
      username: email,
      password,
      options: { userAttributes: { email, name: 'Auto User' } },
    });
    expect(result.nextStep.signUpStep).toBe('DONE');

    await signIn({ username: email, password });
    const { tokens } = await fetchAuthSession();
    await signOut();

    expect(groupsOf(tokens?.idToken?.payload ?? {})).toEqual([GROUP]);
    expect(await profilesOf(email)).toHaveLength(1);
    expect(await welcomeEmailsTo(email)).toHaveLength(1);
  });
});

describe('custom:onboarded', () => {
  it('cannot be written by the app client, at sign-up or afterwards, as Cognito refuses it', async () => {
    const email = `self.marked.${Date.now()}@trusted.example`;
    const password = 'Correct-Horse-42';
    const refused = { name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' };

    await expect(
      signUp({ username: email, password, options: { userAttributes: { email, 'custom:onboarded': '1' } } }),
    ).rejects.toMatchObject(refused);

    await signUp({ username: email, password, options: { userAttributes: { email, name: 'Self Marked' } } });
    await signIn({ username: email, password });
    await expect(updateUserAttributes({ userAttributes: { 'custom:onboarded': '1' } })).rejects.toMatchObject(refused);
    await expect(updateUserAttributes({ userAttributes: { name: 'Renamed' } })).resolves.toBeDefined();
    await signOut();
  });
});

describe('the outbox on the local pool', () => {
  it('is run by its schedule as on AWS, and has nothing left to send once every user is onboarded', async () => {
    expect(run.pool.scheduled.map(({ key, expression }) => ({ key, expression }))).toEqual([
      { key: 'emailOutbox', expression: 'rate(1 minute)' },
    ]);

    expect(await run.pool.runScheduled('emailOutbox')).toMatchObject({ profiles: 0, sent: 0, parked: 0 });
  });
});
