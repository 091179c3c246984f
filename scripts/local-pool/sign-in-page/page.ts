/**
 * The local pool's sign-in page, in the browser: sign-up, password sign-in, and passwordless sign-in by email code
 * or magic link through custom authentication (docs/flows/custom-auth.md), with amazon-cognito-identity-js against
 * the local Cognito API. A magic link opens this page with its token in the fragment; the page signs in with it.
 */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

interface PoolConfig {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

const config = JSON.parse(document.getElementById('pool-config')?.textContent ?? '{}') as PoolConfig;
const pool = new CognitoUserPool({
  UserPoolId: config.userPoolId,
  ClientId: config.clientId,
  endpoint: config.endpoint,
});

/** The user of the sign-in under way, and the one waiting for a sign-up confirmation. */
let current: CognitoUser | undefined;
let signingUp: CognitoUser | undefined;

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const field = (form: HTMLFormElement, name: string): string =>
  (form.elements.namedItem(name) as HTMLInputElement).value.trim();

function say(text: string, error = false): void {
  const status = element('status');
  status.textContent = text;
  status.className = error ? 'error' : '';
}

function fail(error: unknown): void {
  say(error instanceof Error ? error.message : String(error), true);
}

function showSignedIn(session: CognitoUserSession): void {
  element('claims').textContent = JSON.stringify(session.getIdToken().decodePayload(), null, 2);
  element('signed-in').hidden = false;
  element('code').hidden = true;
  say('Signed in.');
}

/** The callbacks of a custom sign-in: what to do with each challenge the triggers send. */
function customCallbacks(onChallenge: (parameters: Record<string, string>) => void) {
  return {
    onSuccess: showSignedIn,
    onFailure: fail,
    customChallenge: onChallenge,
  };
}

/** Starts a custom sign-in for `username` and hands its first challenge (the method question) to `next`. */
function startCustomSignIn(username: string, next: (user: CognitoUser) => void): void {
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  current = user;
  user.initiateAuth(
    new AuthenticationDetails({ Username: username }),
    customCallbacks(() => next(user)),
  );
}

/** Answers the method question with `method`: the triggers email a code or a link. */
function askFor(user: CognitoUser, method: 'email_code' | 'magic_link'): void {
  user.sendCustomChallengeAnswer(
    method,
    customCallbacks((parameters) => {
      if (parameters['step'] === 'email_code') {
        element('code').hidden = false;
        say(`We emailed you a code of ${parameters['codeLength']} digits.`);
      } else {
        say('We emailed you a sign-in link. Open it in this browser.');
      }
    }),
    { signInMethod: method },
  );
}

/** The user a link's token is for (the payload is base64url JSON; the triggers check the signature). */
function userOfToken(token: string): string | undefined {
  try {
    const payload = token.split('.')[0] ?? '';
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const user = (JSON.parse(json) as { u?: unknown }).u;
    return typeof user === 'string' ? user : undefined;
  } catch {
    return undefined;
  }
}

element<HTMLFormElement>('sign-up').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const email = field(form, 'email');
  pool.signUp(
    email,
    field(form, 'password'),
    [
      new CognitoUserAttribute({ Name: 'email', Value: email }),
      new CognitoUserAttribute({ Name: 'name', Value: field(form, 'name') }),
    ],
    [],
    (error, result) => {
      if (error) return fail(error);
      signingUp = result?.user;
      if (result?.userConfirmed) return say('Signed up and confirmed: sign in below.');
      element('confirm').hidden = false;
      say('Signed up: enter the code we emailed you.');
    },
  );
});

element<HTMLFormElement>('confirm').addEventListener('submit', (event) => {
  event.preventDefault();
  signingUp?.confirmRegistration(field(event.currentTarget as HTMLFormElement, 'code'), true, (error) => {
    if (error) return fail(error);
    element('confirm').hidden = true;
    say('Confirmed: sign in below.');
  });
});

element<HTMLFormElement>('password').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const user = new CognitoUser({ Username: field(form, 'email'), Pool: pool });
  current = user;
  user.authenticateUser(
    new AuthenticationDetails({ Username: field(form, 'email'), Password: field(form, 'password') }),
    {
      onSuccess: showSignedIn,
      onFailure: fail,
    },
  );
});

element<HTMLFormElement>('passwordless').addEventListener('submit', (event) => {
  event.preventDefault();
  const method =
    ((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'magic_link'
      ? 'magic_link'
      : 'email_code';
  startCustomSignIn(field(event.currentTarget as HTMLFormElement, 'email'), (user) => askFor(user, method));
});

element<HTMLFormElement>('code').addEventListener('submit', (event) => {
  event.preventDefault();
  const user = current;
  if (user === undefined) return;
  user.sendCustomChallengeAnswer(
    field(event.currentTarget as HTMLFormElement, 'code'),
    customCallbacks((parameters) => say(`That code is not right: ${parameters['attemptsLeft']} attempts left.`, true)),
  );
});

element('sign-out').addEventListener('click', () => {
  current?.signOut();
  element('signed-in').hidden = true;
  say('Signed out.');
});

/** Signs in with the magic link's token in the address's fragment, if there is one, then drops it from the address. */
function signInWithLink(): void {
  const token = location.hash.slice(1);
  if (token === '') return;
  history.replaceState(null, '', location.pathname);
  const username = userOfToken(token);
  if (username === undefined) {
    say('This sign-in link is not valid. Ask for a new link and use the latest one.', true);
    return;
  }
  say('Signing you in…');
  startCustomSignIn(username, (user) =>
    user.sendCustomChallengeAnswer(
      token,
      customCallbacks(() => fail(new Error('The link did not sign you in.'))),
      { signInMethod: 'magic_link' },
    ),
  );
}

// A magic link opens the page; one opened while the page is already open only changes its fragment.
signInWithLink();
window.addEventListener('hashchange', signInWithLink);
