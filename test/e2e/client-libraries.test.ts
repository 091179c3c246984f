/**
 * End to end with the client libraries apps use, unchanged: aws-amplify v6 (Auth) and amazon-cognito-identity-js
 * against the whole local pool (`npm start`'s machinery, with the project's triggers), each scenario asserting the
 * exception names and messages Cognito answers with. Tokens are verified with aws-jwt-verify.
 */
import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { useAmplifyTestPool } from '@test/helpers/amplify';
import { cognitoUserPoolOf, TEST_CODE } from '@test/helpers/local-pool';
import { postConfirmationSubject } from '@test/helpers/pool-functions';
import {
  AuthenticationDetails,
  type CognitoRefreshToken,
  CognitoUser,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import {
  confirmResetPassword,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  resendSignUpCode,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updatePassword,
  updateUserAttributes,
} from 'aws-amplify/auth';

const PASSWORD = 'Correct-Horse-42';
const run = useAmplifyTestPool();

let counter = 0;
function newEmail(): string {
  counter += 1;
  return `client.user${counter}.${Date.now()}@example.com`;
}

/** Signs a user up and confirms them through Amplify. */
async function amplifyUser(email: string): Promise<void> {
  await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email, name: 'Client User' } } });
  await confirmSignUp({ username: email, confirmationCode: TEST_CODE });
}

function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('Expected a rejection.');
    },
    (error: Error) => ({ name: error.name, message: error.message }),
  );
}

/** A Cognito API call a client library made: its action, request and the status it was answered with. */
interface CognitoCall {
  action: string;
  request: Record<string, string | Record<string, string>>;
  status: number;
}

/**
 * The Cognito API calls the client library makes during `action`, read from the requests it hands to `fetch` (which
 * still sends them): what Amplify does, even where it swallows the answer.
 */
async function cognitoCallsDuring(action: () => Promise<unknown>): Promise<CognitoCall[]> {
  const calls: CognitoCall[] = [];
  const send = globalThis.fetch;
  const recorder = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await send(input, init);
    const target = (init?.headers as Record<string, string> | undefined)?.['x-amz-target'];
    if (target !== undefined) {
      calls.push({
        action: target.split('.')[1] ?? '',
        request: JSON.parse(String(init?.body)),
        status: response.status,
      });
    }
    return response;
  });
  try {
    await action();
  } finally {
    recorder.mockRestore();
  }
  return calls;
}

/** Expects the pool to refuse an access token and a refresh token of a session that was ended, with AWS's words. */
async function expectSessionEnded(accessToken: string, refreshToken: string): Promise<void> {
  await expect(run.cognito.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Access Token has been revoked',
  });
  const revoked = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };
  await expect(
    run.cognito.send(
      new InitiateAuthCommand({
        ClientId: run.pool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    ),
  ).rejects.toMatchObject(revoked);
  await expect(
    run.cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: run.pool.clientId, RefreshToken: refreshToken })),
  ).rejects.toMatchObject(revoked);
}

describe('aws-amplify v6', () => {
  afterEach(async () => {
    await signOut().catch(() => undefined);
  });

  it('signs up, resends the code, confirms, and signs in with its default SRP flow; the tokens verify', async () => {
    const email = newEmail();
    await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email, name: 'Client User' } } });
    const resent = await resendSignUpCode({ username: email });
    await confirmSignUp({ username: email, confirmationCode: TEST_CODE });

    const result = await signIn({ username: email.toUpperCase(), password: PASSWORD });
    const { tokens } = await fetchAuthSession();

    expect(resent.destination).toBe(`c***@e***`);
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const id = await run.verifyToken(String(tokens?.idToken), 'id');
    const access = await run.verifyToken(String(tokens?.accessToken), 'access');
    expect(id).toMatchObject({ email, email_verified: true, 'cognito:groups': ['users'], token_use: 'id' });
    expect(access).toMatchObject({
      client_id: run.pool.clientId,
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['users'],
    });
    expect(access.origin_jti).toBe(id.origin_jti);
    expect(access.auth_time).toBe(id.auth_time);
    expect(run.invocations().filter((record) => record.triggerSource === 'CustomMessage_ResendCode')).not.toHaveLength(
      0,
    );
    expect((await run.emails()).filter((mail) => mail.destination.to.includes(email)).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a wrong password and an unconfirmed user with Cognito’s exceptions', async () => {
    const email = newEmail();
    await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email, name: 'Client User' } } });

    await expect(rejection(signIn({ username: email, password: 'Wrong-Horse-42' }))).resolves.toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(rejection(signIn({ username: newEmail(), password: PASSWORD }))).resolves.toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    const unconfirmed = await signIn({ username: email, password: PASSWORD });
    expect(unconfirmed.nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
    await confirmSignUp({ username: email, confirmationCode: TEST_CODE });
    await expect(rejection(resendSignUpCode({ username: email }))).resolves.toEqual({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
    });
  });

  it('signs in with USER_PASSWORD_AUTH, refreshes the session, and updates attributes', async () => {
    const email = newEmail();
    await amplifyUser(email);

    await signIn({ username: email, password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const first = await fetchAuthSession();
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    await updateUserAttributes({ userAttributes: { name: 'Renamed User' } });

    expect(String(refreshed.tokens?.accessToken)).not.toBe(String(first.tokens?.accessToken));
    expect(refreshed.tokens?.accessToken.payload.origin_jti).toBe(first.tokens?.accessToken.payload.origin_jti);
    expect((await fetchUserAttributes()).name).toBe('Renamed User');
  });

  it('signs out globally: the old access token and refresh token are refused', async () => {
    const email = newEmail();
    await amplifyUser(email);
    await signIn({ username: email, password: PASSWORD });
    const { tokens } = await fetchAuthSession();
    const refreshToken = await refreshTokenOf(email);

    await signOut({ global: true });

    await expectSessionEnded(String(tokens?.accessToken), refreshToken);
  });

  it('signs out with RevokeToken, whose answer signOut swallows: the old access and refresh tokens are refused', async () => {
    const email = newEmail();
    await amplifyUser(email);
    await signIn({ username: email, password: PASSWORD });
    const { tokens } = await fetchAuthSession();

    const calls = await cognitoCallsDuring(() => signOut());

    const revocation = calls.find((call) => call.action === 'RevokeToken');
    expect(revocation).toMatchObject({ status: 200, request: { ClientId: run.pool.clientId } });
    const refreshToken = String(revocation?.request.Token);
    expect(refreshToken).not.toBe('');
    await expectSessionEnded(String(tokens?.accessToken), refreshToken);
  });

  it('changes the password, refusing a wrong old password with Cognito’s words', async () => {
    const email = newEmail();
    const newPassword = 'Battery-Staple-43';
    await amplifyUser(email);
    await signIn({ username: email, password: PASSWORD });

    await expect(rejection(updatePassword({ oldPassword: 'Wrong-Horse-42', newPassword }))).resolves.toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await updatePassword({ oldPassword: PASSWORD, newPassword });
    await signOut();

    await expect(rejection(signIn({ username: email, password: PASSWORD }))).resolves.toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect((await signIn({ username: email, password: newPassword })).isSignedIn).toBe(true);
  });

  it('signs in with USER_AUTH and the preferred challenge PASSWORD_SRP, answering PASSWORD_VERIFIER', async () => {
    const email = newEmail();
    await amplifyUser(email);

    let result: Awaited<ReturnType<typeof signIn>> | undefined;
    const calls = await cognitoCallsDuring(async () => {
      result = await signIn({
        username: email,
        password: PASSWORD,
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
      });
    });
    const { tokens } = await fetchAuthSession();

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(calls.map(({ action, request, status }) => ({ action, status, challenge: request.ChallengeName }))).toEqual([
      { action: 'InitiateAuth', status: 200, challenge: undefined },
      { action: 'RespondToAuthChallenge', status: 200, challenge: 'PASSWORD_VERIFIER' },
    ]);
    expect(calls[0]?.request).toMatchObject({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: expect.any(String) },
    });
    expect(await run.verifyToken(String(tokens?.accessToken), 'access')).toMatchObject({
      client_id: run.pool.clientId,
    });
  });

  it('resets a forgotten password, and a migrated legacy user has a sub and can reset too', async () => {
    const email = newEmail();
    await amplifyUser(email);

    const reset = await resetPassword({ username: email });
    await confirmResetPassword({ username: email, confirmationCode: TEST_CODE, newPassword: 'Battery-Staple-43' });
    await expect(
      rejection(confirmResetPassword({ username: email, confirmationCode: TEST_CODE, newPassword: 'short' })),
    ).resolves.toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    const signedIn = await signIn({ username: email, password: 'Battery-Staple-43' });

    expect(reset.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    expect(signedIn.isSignedIn).toBe(true);
    await signOut();

    await signIn({
      username: 'grace.hopper@example.org',
      password: 'Compiler-A0-1952',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    const migrated = await fetchUserAttributes();
    expect(migrated.sub).toEqual(expect.any(String));
    await signOut();
    await resetPassword({ username: 'grace.hopper@example.org' });
    await confirmResetPassword({
      username: 'grace.hopper@example.org',
      confirmationCode: TEST_CODE,
      newPassword: 'Compiler-A1-1953',
    });
    const notices = run
      .invocations()
      .filter(
        (record) =>
          record.triggerSource === 'PostConfirmation_ConfirmForgotPassword' &&
          (record.event as { request: { userAttributes: Record<string, string> } }).request.userAttributes.sub ===
            migrated.sub,
      );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.error).toBeUndefined();
    const mail = (await run.emails()).filter((sent) => sent.destination.to.includes('grace.hopper@example.org'));
    expect(mail.map((sent) => sent.subject)).toContain(postConfirmationSubject(run, 'password-changed', 'en'));
  });
});

/** A fresh refresh token of `email`, from a USER_PASSWORD_AUTH sign-in through the SDK. */
async function refreshTokenOf(email: string): Promise<string> {
  const { AuthenticationResult } = await run.cognito.send(
    new InitiateAuthCommand({
      ClientId: run.pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  return AuthenticationResult?.RefreshToken ?? '';
}

describe('amazon-cognito-identity-js', () => {
  function authenticate(user: CognitoUser, password: string): Promise<CognitoUserSession> {
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  it('signs up, resends the code, confirms, signs in with SRP, refreshes, and signs out globally', async () => {
    const email = newEmail();
    const userPool = cognitoUserPoolOf(run);
    await new Promise((resolve, reject) =>
      userPool.signUp(
        email,
        PASSWORD,
        [{ Name: 'email', Value: email } as never, { Name: 'name', Value: 'Js User' } as never],
        [],
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    const user = new CognitoUser({ Username: email, Pool: userPool });
    await new Promise((resolve, reject) =>
      user.resendConfirmationCode((error, result) => (error ? reject(error) : resolve(result))),
    );
    await new Promise((resolve, reject) =>
      user.confirmRegistration(TEST_CODE, false, (error, result) => (error ? reject(error) : resolve(result))),
    );

    const session = await authenticate(user, PASSWORD);
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(session.getRefreshToken() as CognitoRefreshToken, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
    await new Promise((resolve, reject) => user.globalSignOut({ onSuccess: resolve, onFailure: reject }));
    const afterSignOut = await new Promise<Error>((resolve) =>
      user.refreshSession(session.getRefreshToken() as CognitoRefreshToken, (error) => resolve(error)),
    );

    expect(session.isValid()).toBe(true);
    expect(refreshed.getIdToken().decodePayload().email).toBe(email);
    expect({ code: (afterSignOut as { code?: string }).code, message: afterSignOut.message }).toEqual({
      code: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });

  it('refuses a wrong password over SRP as Cognito does', async () => {
    const email = newEmail();
    await amplifyUser(email);

    const failure = await authenticate(
      new CognitoUser({ Username: email, Pool: cognitoUserPoolOf(run) }),
      'Wrong-Horse-42',
    ).catch((error: Error) => error);

    expect({ code: (failure as { code?: string }).code, message: (failure as Error).message }).toEqual({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});
