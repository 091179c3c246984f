/**
 * Passwordless sign-in on the local pool (the project's pool, triggers and local stage: `customAuthMethods`
 * email_code,magic_link), driven as apps drive it: amazon-cognito-identity-js (`initiateAuth` with CUSTOM_AUTH,
 * `sendCustomChallengeAnswer`) and aws-amplify v6 (`signIn` with `CUSTOM_WITHOUT_SRP`, `confirmSignIn`). Codes and
 * links are read from the local mail. Password and SRP sign-in keep working beside them.
 */
import { AdminDisableUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { magicLinkUserName } from '@shared/custom-auth/magic-link';
import { useAmplifyTestPool } from '@test/helpers/amplify';
import { cognitoUserPoolOf } from '@test/helpers/local-pool';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';

const PASSWORD = 'Correct-Horse-42';
const run = useAmplifyTestPool();

afterEach(async () => {
  await signOut().catch(() => undefined);
});

let counter = 0;
/** A confirmed user with a verified email: the local stage confirms sign-ups from trusted.example at once. */
async function confirmedUser(): Promise<string> {
  counter += 1;
  const email = `passwordless${counter}.${Date.now()}@trusted.example`;
  await new Promise<void>((resolve, reject) =>
    cognitoUserPoolOf(run).signUp(
      email,
      PASSWORD,
      [
        new CognitoUserAttribute({ Name: 'email', Value: email }),
        new CognitoUserAttribute({ Name: 'name', Value: 'Kai Lindgren' }),
      ],
      [],
      (error) => (error ? reject(error) : resolve()),
    ),
  );
  return email;
}

/** The sign-in emails to `email` so far (a confirmed sign-up also gets the welcome email). */
async function mailTo(email: string) {
  return (await run.emails()).filter(
    (message) => message.destination.to.includes(email) && message.subject.includes('sign-in'),
  );
}

async function latestCode(email: string): Promise<string> {
  return /\b(\d{6})\b/.exec((await mailTo(email)).at(-1)?.body.text ?? '')?.[1] ?? '';
}

async function latestLinkToken(email: string): Promise<string> {
  return /#([\w-]+\.[\w-]+)/.exec((await mailTo(email)).at(-1)?.body.text ?? '')?.[1] ?? '';
}

type Step =
  | { kind: 'challenge'; parameters: Record<string, string> }
  | { kind: 'session'; session: CognitoUserSession };

/** The callbacks of amazon-cognito-identity-js as a promise of the next step. */
function nextStep(start: (callbacks: object) => void): Promise<Step> {
  return new Promise((resolve, reject) =>
    start({
      onSuccess: (session: CognitoUserSession) => resolve({ kind: 'session', session }),
      onFailure: reject,
      customChallenge: (parameters: Record<string, string>) => resolve({ kind: 'challenge', parameters }),
    }),
  );
}

function customUser(username: string): CognitoUser {
  const user = new CognitoUser({ Username: username, Pool: cognitoUserPoolOf(run) });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  return user;
}

const initiate = (user: CognitoUser) =>
  nextStep((callbacks) =>
    user.initiateAuth(new AuthenticationDetails({ Username: user.getUsername() }), callbacks as never),
  );
const answer = (user: CognitoUser, text: string, metadata?: Record<string, string>) =>
  nextStep((callbacks) => user.sendCustomChallengeAnswer(text, callbacks as never, metadata));

describe('amazon-cognito-identity-js', () => {
  it('signs in with an email code: the method question, the code from the mail, verified tokens', async () => {
    const email = await confirmedUser();
    const user = customUser(email);

    const question = await initiate(user);
    expect(question).toEqual({
      kind: 'challenge',
      parameters: expect.objectContaining({ step: 'choose_method', methods: 'email_code,magic_link' }),
    });
    const codeStep = await answer(user, 'email_code', { signInMethod: 'email_code' });
    expect(codeStep).toEqual({
      kind: 'challenge',
      parameters: expect.objectContaining({ step: 'email_code', codeLength: '6', attemptsLeft: '3' }),
    });
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe('Your Cognito Flows sign-in code');

    const done = await answer(user, await latestCode(email));

    if (done.kind !== 'session') throw new Error('Not signed in.');
    const claims = await run.verifyToken(done.session.getIdToken().getJwtToken(), 'id');
    expect(claims).toMatchObject({ email, email_verified: true });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('ends the sign-in after three wrong codes, with Cognito’s words, and one email sent', async () => {
    const email = await confirmedUser();
    const user = customUser(email);
    await initiate(user);
    await answer(user, 'email_code', { signInMethod: 'email_code' });
    const right = await latestCode(email);
    const wrong = right === '000000' ? '111111' : '000000';

    const second = await answer(user, wrong);
    const third = await answer(user, wrong);

    expect(second).toEqual({ kind: 'challenge', parameters: expect.objectContaining({ attemptsLeft: '2' }) });
    expect(third).toEqual({ kind: 'challenge', parameters: expect.objectContaining({ attemptsLeft: '1' }) });
    await expect(answer(user, wrong)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('still signs in with the password (SRP) beside custom authentication', async () => {
    const email = await confirmedUser();
    const user = new CognitoUser({ Username: email, Pool: cognitoUserPoolOf(run) });

    const done = await nextStep((callbacks) =>
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: PASSWORD }), callbacks as never),
    );

    expect(done.kind).toBe('session');
  });

  it('answers an unknown user with the same challenges, sends nothing, and ends after three wrong answers', async () => {
    const email = `nobody.${Date.now()}@trusted.example`;
    const user = customUser(email);

    const question = await initiate(user);
    const codeStep = await answer(user, 'email_code', { signInMethod: 'email_code' });
    await answer(user, '123456');
    await answer(user, '123456');

    expect(question).toEqual({
      kind: 'challenge',
      parameters: expect.objectContaining({ step: 'choose_method', methods: 'email_code,magic_link' }),
    });
    expect(codeStep).toEqual({
      kind: 'challenge',
      parameters: expect.objectContaining({ step: 'email_code', codeLength: '6', attemptsLeft: '3' }),
    });
    await expect(answer(user, '123456')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
    expect(await mailTo(email)).toEqual([]);
  });

  it('sends nothing to an unconfirmed user, and refuses a disabled one as Cognito does', async () => {
    const unconfirmed = `unconfirmed.${Date.now()}@example.com`;
    await run.cognito.send(
      new SignUpCommand({
        ClientId: run.pool.clientId,
        Username: unconfirmed,
        Password: PASSWORD,
        UserAttributes: [
          { Name: 'email', Value: unconfirmed },
          { Name: 'name', Value: 'Not Yet' },
        ],
      }),
    );
    const disabled = await confirmedUser();
    await run.cognito.send(new AdminDisableUserCommand({ UserPoolId: run.pool.userPoolId, Username: disabled }));
    const user = customUser(unconfirmed);

    await initiate(user);
    await answer(user, 'email_code', { signInMethod: 'email_code' });

    expect(await mailTo(unconfirmed)).toEqual([]);
    await expect(initiate(customUser(disabled))).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });
});

describe('aws-amplify v6', () => {
  it('signs in with a magic link: asked for in one sign-in, used in another, once', async () => {
    const email = await confirmedUser();

    const asked = await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    expect(asked.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: { step: 'choose_method' },
    });
    const sent = await confirmSignIn({
      challengeResponse: 'magic_link',
      options: { clientMetadata: { signInMethod: 'magic_link' } },
    });
    expect(sent.nextStep).toMatchObject({ additionalInfo: { step: 'magic_link' } });
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe('Your Cognito Flows sign-in link');
    expect(mail?.body.text).toContain(`${run.pool.endpoints.page}/sign-in#`);
    const token = await latestLinkToken(email);
    await signOut();

    await signIn({ username: magicLinkUserName(token) ?? '', options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    const done = await confirmSignIn({
      challengeResponse: token,
      options: { clientMetadata: { signInMethod: 'magic_link' } },
    });

    expect(done).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await fetchAuthSession()).tokens?.idToken?.payload).toMatchObject({ email });
    await signOut();
    await signIn({ username: magicLinkUserName(token) ?? '', options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    await expect(
      confirmSignIn({ challengeResponse: token, options: { clientMetadata: { signInMethod: 'magic_link' } } }),
    ).rejects.toThrow('This sign-in link has already been used. Ask for a new one.');
  });

  it('signs in with an email code', async () => {
    const email = await confirmedUser();

    await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    const codeStep = await confirmSignIn({
      challengeResponse: 'email_code',
      options: { clientMetadata: { signInMethod: 'email_code' } },
    });
    const done = await confirmSignIn({ challengeResponse: await latestCode(email) });

    expect(codeStep.nextStep).toMatchObject({ additionalInfo: { step: 'email_code', codeLength: '6' } });
    expect(done.isSignedIn).toBe(true);
  });
});
