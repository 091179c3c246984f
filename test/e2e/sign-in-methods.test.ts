/**
 * The sign-in methods of the stage parameters on the local pool (the project's own pool and triggers), driven by
 * aws-amplify v6 as apps drive them: choice-based sign-in (`USER_AUTH`) with an email code or the password, and MFA
 * after every password-based first factor — TOTP, email and SMS codes, the choice between methods — with codes
 * composed by the customMessage trigger (`CustomMessage_Authentication`) and read from the local mail.
 */
import {
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { useAmplifyTestPool } from '@test/helpers/amplify';
import { TEST_CODE } from '@test/helpers/local-pool';
import { totpCode } from '@test/helpers/totp';
import {
  confirmSignIn,
  confirmSignUp,
  fetchMFAPreference,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';

const PASSWORD = 'Correct-Horse-42';
/** Email codes as a first factor and every MFA method, optional: the stage parameters an app would set. */
const SIGN_IN_PARAMS = {
  signInFactors: 'password,email_otp',
  mfa: 'OPTIONAL',
  mfaTotp: 'true',
  mfaSms: 'true',
  mfaEmail: 'true',
  mfaEmailSubject: 'Your Cognito Flows sign-in code',
};
const run = useAmplifyTestPool(SIGN_IN_PARAMS);

afterEach(async () => {
  await signOut().catch(() => undefined);
});

let counter = 0;
async function confirmedUser(): Promise<string> {
  counter += 1;
  const email = `sign.in${counter}.${Date.now()}@example.com`;
  await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email, name: 'Sign In' } } });
  await confirmSignUp({ username: email, confirmationCode: TEST_CODE });
  return email;
}

/** The code of the latest sign-in email to `email`, and that email, once the CustomMessage trigger composed it. */
async function signInCodeMailedTo(email: string): Promise<{ code: string; subject: string; html: string }> {
  const mail = (await run.emails()).filter((message) => message.destination.to.includes(email)).at(-1);
  const html = mail?.body.html ?? '';
  // The code stands alone in its element; colours such as #111827 are six digits too.
  const code = />\s*(\d{6})\s*</.exec(html)?.[1] ?? '';
  return { code, subject: mail?.subject ?? '', html };
}

/** The CustomMessage_Authentication invocations for `email` so far. */
function authenticationMessagesTo(email: string) {
  return run
    .invocations()
    .filter(
      (record) =>
        record.triggerSource === 'CustomMessage_Authentication' &&
        JSON.stringify(record.event).includes(email.split('@')[0] ?? email),
    );
}

/** Signs `email` in with SRP and sets TOTP up as Amplify's setUpTOTP and verifyTOTPSetup do; returns the secret. */
async function withTotp(email: string): Promise<string> {
  await signIn({ username: email, password: PASSWORD });
  const setup = await setUpTOTP();
  await verifyTOTPSetup({ code: totpCode(setup.sharedSecret) });
  return setup.sharedSecret;
}

describe('choice-based sign-in (USER_AUTH)', () => {
  it('signs in with EMAIL_OTP: the code arrives in the local mail in the customMessage trigger’s message', async () => {
    const email = await confirmedUser();

    const started = await signIn({
      username: email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    const mailed = await signInCodeMailedTo(email);
    const done = await confirmSignIn({ challengeResponse: mailed.code });

    expect(started.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 's***@e***' },
    });
    expect(mailed.code).toBe(TEST_CODE);
    expect(authenticationMessagesTo(email)).toHaveLength(1);
    expect(mailed.html).toContain('Cognito Flows');
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('signs in with PASSWORD at once', async () => {
    const email = await confirmedUser();

    const done = await signIn({
      username: email,
      password: PASSWORD,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
    });

    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('refuses a wrong email code with Cognito’s exception and takes the right one after', async () => {
    const email = await confirmedUser();
    await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });

    await expect(confirmSignIn({ challengeResponse: '000000' })).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    });
    await expect(confirmSignIn({ challengeResponse: TEST_CODE })).resolves.toMatchObject({ isSignedIn: true });
  });
});

describe('MFA after a password', () => {
  it('asks for the TOTP code after SRP, Amplify’s default sign-in', async () => {
    const email = await confirmedUser();
    const secret = await withTotp(email);
    await updateMFAPreference({ totp: 'PREFERRED' });
    await signOut();

    const started = await signIn({ username: email, password: PASSWORD });
    await expect(confirmSignIn({ challengeResponse: '000000' })).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    const done = await confirmSignIn({ challengeResponse: totpCode(secret) });

    expect(started.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('sends the email code after USER_PASSWORD_AUTH and after USER_AUTH’s password, and hides EMAIL_OTP sign-in', async () => {
    const email = await confirmedUser();
    await signIn({ username: email, password: PASSWORD });
    await updateMFAPreference({ email: 'PREFERRED' });
    const preference = await fetchMFAPreference();
    await signOut();

    const afterPassword = await signIn({
      username: email,
      password: PASSWORD,
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    const mailed = await signInCodeMailedTo(email);
    await confirmSignIn({ challengeResponse: mailed.code });
    await signOut();
    const choice = await signIn({
      username: email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    const afterChoice = await confirmSignIn({ challengeResponse: 'PASSWORD' }).then(() =>
      confirmSignIn({ challengeResponse: PASSWORD }),
    );
    const done = await confirmSignIn({ challengeResponse: (await signInCodeMailedTo(email)).code });

    expect(preference).toEqual({ enabled: ['EMAIL'], preferred: 'EMAIL' });
    expect(afterPassword.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' });
    expect(mailed).toMatchObject({ code: TEST_CODE, subject: expect.any(String) });
    expect(choice.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    });
    expect(afterChoice.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(authenticationMessagesTo(email)).toHaveLength(2);
  });

  it('lets a user with several methods and none preferred choose one (SELECT_MFA_TYPE)', async () => {
    const email = await confirmedUser();
    await withTotp(email);
    await updateMFAPreference({ totp: 'ENABLED', email: 'ENABLED' });
    await signOut();

    const started = await signIn({ username: email, password: PASSWORD });
    const chosen = await confirmSignIn({ challengeResponse: 'EMAIL' });
    const done = await confirmSignIn({ challengeResponse: (await signInCodeMailedTo(email)).code });

    expect(started.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    });
    expect(chosen.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('sends the SMS code through the customMessage trigger to the user’s phone number', async () => {
    const email = await confirmedUser();
    await run.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: run.pool.userPoolId,
        Username: email,
        UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }],
      }),
    );
    await run.cognito.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: run.pool.userPoolId,
        Username: email,
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    const started = await signIn({ username: email, password: PASSWORD });
    const done = await confirmSignIn({ challengeResponse: TEST_CODE });

    expect(started.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
      codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0123' },
    });
    expect(authenticationMessagesTo(email)).toHaveLength(1);
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });
});
