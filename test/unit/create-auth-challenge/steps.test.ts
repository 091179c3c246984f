import { randomUUID } from 'node:crypto';
import { CREATE_AUTH_CHALLENGE_STEPS } from '@functions/create-auth-challenge/steps';
import type { CreateAuthChallengeDependencies } from '@functions/create-auth-challenge/trigger';
import { readMagicLink } from '@shared/custom-auth/magic-link';
import { methodQuestionMetadata, signInIdOf } from '@shared/custom-auth/sign-in-method';
import { Refusal, UserFacingError } from '@shared/errors';
import { runSteps } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import { FIXTURE_SIGNING_KEY } from '@test/helpers/signing-key';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { fakeDependencies, NOW, stepContext, testConfig } from './support';

const SOURCE = 'CreateAuthChallenge_Authentication';
type Dependencies = ReturnType<typeof fakeDependencies>;

/** Runs the createAuthChallenge steps over `event`, as the handler does. */
async function create(
  event: CreateAuthChallengeTriggerEvent,
  dependencies: CreateAuthChallengeDependencies = fakeDependencies(),
  config = testConfig(),
): Promise<CreateAuthChallengeTriggerEvent> {
  await runSteps(CREATE_AUTH_CHALLENGE_STEPS, stepContext(event, config, dependencies).context);
  return event;
}

const codeOf = (event: CreateAuthChallengeTriggerEvent) => event.response.privateChallengeParameters['code'];

/** The recorded round of `state`, in the sign-in `signInId` (by default a new one) rather than the recorded one. */
function inSignIn(state: 'email-code' | 'wrong-answer' | 'magic-link', signInId: string = randomUUID()) {
  const event = loadFixture(SOURCE, state);
  const [first] = event.request.session;
  if (first !== undefined) first.challengeMetadata = methodQuestionMetadata(signInId);
  return event;
}

/** Moves the clock of `dependencies` on by `ms`. */
function advance(dependencies: Dependencies, ms: number): void {
  dependencies.clock.now = new Date(dependencies.clock.now.getTime() + ms);
}

describe('the first round', () => {
  it('asks for the method, lists those switched on, and sends nothing', async () => {
    const dependencies = fakeDependencies();

    const event = await create(loadFixture(SOURCE), dependencies, testConfig({ CUSTOM_AUTH_METHODS: 'magic_link' }));

    const signInId = signInIdOf(event.response.challengeMetadata);
    expect(signInId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.response).toEqual({
      publicChallengeParameters: { step: 'choose_method', methods: 'magic_link' },
      privateChallengeParameters: { step: 'choose_method', challengeId: signInId },
      challengeMetadata: `choose_method:${signInId}`,
    });
    expect(dependencies.signIns.records.size).toBe(0);
    expect(dependencies.mailer.sent).toEqual([]);
  });

  it('names every sign-in differently', async () => {
    const events = await Promise.all([0, 1, 2].map(() => create(loadFixture(SOURCE))));

    expect(new Set(events.map((event) => event.response.challengeMetadata)).size).toBe(3);
  });
});

describe('an email code', () => {
  it('is emailed, in the user’s language, and asked for with its length and the attempts left', async () => {
    const dependencies = fakeDependencies();
    const request = loadFixture(SOURCE, 'email-code');
    request.request.userAttributes['locale'] = 'fr-CA';

    const event = await create(request, dependencies, testConfig({ SIGN_IN_CODE_LENGTH: '8' }));

    expect(event.response.publicChallengeParameters).toEqual({
      step: 'email_code',
      codeLength: '8',
      attemptsLeft: '3',
    });
    expect(event.response.challengeMetadata).toBe('email_code');
    expect(codeOf(event)).toMatch(/^\d{8}$/);
    expect(Number(event.response.privateChallengeParameters['expiresAt'])).toBe(NOW.getTime() + 180_000);
    expect(dependencies.mailer.sent).toEqual([
      expect.objectContaining({
        from: 'Example <no-reply@example.com>',
        to: 'hiro.tanaka@example.com',
        replyTo: 'support@example.com',
        subject: 'Votre code de connexion Example App',
        text: expect.stringContaining(codeOf(event) ?? 'no code'),
        html: expect.stringContaining(codeOf(event) ?? 'no code'),
      }),
    ]);
  });

  it('is the same code, emailed once, when Cognito delivers the event three times in a row', async () => {
    const dependencies = fakeDependencies();

    const events = [];
    for (let delivery = 0; delivery < 3; delivery += 1)
      events.push(await create(loadFixture(SOURCE, 'email-code'), dependencies));

    expect(new Set(events.map(codeOf)).size).toBe(1);
    expect(dependencies.mailer.sent).toHaveLength(1);
  });

  it('is the same code, emailed once, when Cognito delivers the event three times at once', async () => {
    const dependencies = fakeDependencies();

    const events = await Promise.all([0, 1, 2].map(() => create(loadFixture(SOURCE, 'email-code'), dependencies)));

    expect(new Set(events.map(codeOf)).size).toBe(1);
    expect(dependencies.mailer.sent).toHaveLength(1);
  });

  it('is asked for again after a wrong answer, the same code, with nothing sent and one attempt fewer', async () => {
    const dependencies = fakeDependencies();
    const first = await create(loadFixture(SOURCE, 'email-code'), dependencies);
    dependencies.clock.now = new Date(NOW.getTime() + 60_000);

    const again = await create(loadFixture(SOURCE, 'wrong-answer'), dependencies);

    expect(codeOf(again)).toBe(codeOf(first));
    expect(again.response.publicChallengeParameters['attemptsLeft']).toBe('2');
    expect(dependencies.mailer.sent).toHaveLength(1);
  });

  it('is a new code, emailed, when the round after a wrong answer finds the old one expired', async () => {
    const dependencies = fakeDependencies();
    const first = await create(loadFixture(SOURCE, 'email-code'), dependencies);
    dependencies.clock.now = new Date(NOW.getTime() + 180_000);

    const again = await create(loadFixture(SOURCE, 'wrong-answer'), dependencies);

    expect(codeOf(again)).not.toBe(codeOf(first));
    expect(dependencies.mailer.sent).toHaveLength(2);
  });

  it('is a new code, counted and emailed, for every sign-in the user starts, however close together', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ SIGN_IN_EMAILS_PER_WINDOW: '50' });

    const events = [];
    for (let signIn = 0; signIn < 50; signIn += 1) {
      events.push(await create(inSignIn('email-code'), dependencies, config));
      advance(dependencies, 500);
    }

    expect(new Set(events.map(codeOf)).size).toBe(50);
    expect(dependencies.mailer.sent).toHaveLength(50);
    expect([...dependencies.signIns.records.values()][0]?.window.count).toBe(50);
  });

  it('is given to no other sign-in: a later round of an older sign-in gets a new code of its own', async () => {
    const dependencies = fakeDependencies();
    const older = randomUUID();
    const first = await create(inSignIn('email-code', older), dependencies);
    const newer = await create(inSignIn('email-code'), dependencies);

    const again = await create(inSignIn('wrong-answer', older), dependencies);

    expect(codeOf(newer)).not.toBe(codeOf(first));
    expect(codeOf(again)).not.toBe(codeOf(first));
    expect(codeOf(again)).not.toBe(codeOf(newer));
    expect(dependencies.mailer.sent).toHaveLength(3);
  });

  it('is answered once SES accepted it, even when its sending cannot be recorded', async () => {
    const dependencies = fakeDependencies();
    dependencies.signIns.complete = jest.fn(async () => {
      throw new Error('DynamoDB went away');
    });
    const { context, logs } = stepContext(loadFixture(SOURCE, 'email-code'), testConfig(), dependencies);

    await runSteps(CREATE_AUTH_CHALLENGE_STEPS, context);

    const code = codeOf(context.event) ?? 'no code';
    expect(code).toMatch(/^\d{6}$/);
    expect(dependencies.mailer.sent).toHaveLength(1);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Sign-in email sent but not recorded; a later round of this sign-in may send it again',
        error: expect.objectContaining({ message: 'DynamoDB went away' }),
      }),
    );
    expect(JSON.stringify(logs.lines)).not.toContain(code);
  });

  it('is sent by the retry when SES failed: the invocation fails, its claim is released, the code stays', async () => {
    const dependencies = fakeDependencies();
    dependencies.mailer.send.mockRejectedValueOnce(new Error('SES throttled'));

    await expect(create(loadFixture(SOURCE, 'email-code'), dependencies)).rejects.toThrow(
      'Step "send-sign-in-code" failed.',
    );
    const retried = await create(loadFixture(SOURCE, 'email-code'), dependencies);

    expect(dependencies.mailer.send).toHaveBeenCalledTimes(2);
    expect(dependencies.mailer.send.mock.calls[0]?.[0].text).toContain(codeOf(retried));
    expect(dependencies.mailer.sent).toHaveLength(1);
    expect(dependencies.mailer.sent[0]?.text).toContain(codeOf(retried));
  });
});

describe('the send window', () => {
  /** Starts `times` sign-ins, a minute apart, each asking for a code. */
  async function signInRepeatedly(dependencies: Dependencies, times: number, config = testConfig()) {
    for (let signIn = 0; signIn < times; signIn += 1) {
      await create(inSignIn('email-code'), dependencies, config);
      advance(dependencies, 60_000);
    }
  }

  it('refuses more sign-in emails than allowed per window, saying how long until the window ends', async () => {
    const dependencies = fakeDependencies();
    await signInRepeatedly(dependencies, 5);

    await expect(create(inSignIn('email-code'), dependencies)).rejects.toEqual(
      new UserFacingError('We have sent you several sign-in emails already. Try again in 10 minutes.'),
    );
    advance(dependencies, 9 * 60_000 + 30_000);
    await expect(create(inSignIn('email-code'), dependencies)).rejects.toEqual(
      new UserFacingError('We have sent you several sign-in emails already. Try again in 1 minute.'),
    );
    expect(dependencies.mailer.sent).toHaveLength(5);
  });

  it.each([
    ['de', 'Versuchen Sie es in 10 Minuten erneut.'],
    ['es', 'Vuelve a intentarlo dentro de 10 minutos.'],
    ['fr', 'Réessayez dans 10 minutes.'],
  ] as const)('says so in %s too', async (language, text) => {
    const dependencies = fakeDependencies();
    await signInRepeatedly(dependencies, 5);

    const refusal = await create(inSignIn('email-code'), dependencies).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).inLanguage(language)).toContain(text);
  });

  it('gives a sign-in whose code is still valid that code again, with no email, when the window is full', async () => {
    const dependencies = fakeDependencies();
    const signInId = randomUUID();
    await signInRepeatedly(dependencies, 4);
    const first = await create(inSignIn('email-code', signInId), dependencies);
    advance(dependencies, 60_000);

    const again = await create(inSignIn('wrong-answer', signInId), dependencies);

    expect(codeOf(again)).toBe(codeOf(first));
    expect(dependencies.mailer.sent).toHaveLength(5);
  });

  it('counts codes and links together, and starts afresh after the window', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ SIGN_IN_EMAILS_PER_WINDOW: '2', SIGN_IN_EMAIL_WINDOW_SECONDS: '600' });
    await signInRepeatedly(dependencies, 1, config);
    await create(inSignIn('magic-link'), dependencies, config);

    await expect(create(inSignIn('email-code'), dependencies, config)).rejects.toThrow('Try again in 9 minutes.');
    dependencies.clock.now = new Date(NOW.getTime() + 600_000);
    await create(inSignIn('email-code'), dependencies, config);

    expect(dependencies.mailer.sent).toHaveLength(3);
  });
});

describe('users who cannot sign in this way', () => {
  const cases: [string, (event: CreateAuthChallengeTriggerEvent) => void][] = [
    ['an unknown user', () => undefined],
    [
      'an unconfirmed user',
      (event) => Object.assign(event.request.userAttributes, { 'cognito:user_status': 'UNCONFIRMED' }),
    ],
    [
      'a user whose email is not verified',
      (event) => Object.assign(event.request.userAttributes, { email_verified: 'false' }),
    ],
    [
      'a user who must reset the password',
      (event) => Object.assign(event.request.userAttributes, { 'cognito:user_status': 'RESET_REQUIRED' }),
    ],
  ];

  it.each(cases)(
    'get the same challenge as anyone, nothing sent, the same store calls and the time of a send: %s',
    async (what, change) => {
      const dependencies = fakeDependencies();
      const event = loadFixture(SOURCE, what === 'an unknown user' ? 'user-not-found' : 'email-code');
      change(event);
      const real = await create(loadFixture(SOURCE, 'email-code'), fakeDependencies());

      await create(event, dependencies);

      expect(Object.keys(event.response.publicChallengeParameters)).toEqual(
        Object.keys(real.response.publicChallengeParameters),
      );
      expect(event.response.publicChallengeParameters['codeLength']).toBe('6');
      expect(event.response.privateChallengeParameters['decoy']).toBe('true');
      expect(dependencies.mailer.sent).toEqual([]);
      expect(dependencies.mailer.pretended).toBe(1);
      expect([...dependencies.signIns.records.values()][0]?.issues.email_code?.sentAt).toBe(NOW.getTime());
    },
  );

  it('read the magic-link key as a real user’s sign-in does, so that the key’s first read times both alike', async () => {
    const real = fakeDependencies();
    const unknown = fakeDependencies();
    const event = loadFixture(SOURCE, 'user-not-found');
    event.request.clientMetadata = { signInMethod: 'magic_link' };

    await create(loadFixture(SOURCE, 'magic-link'), real);
    await create(event, unknown);

    expect(real.signingKey.bytes).toHaveBeenCalledTimes(1);
    expect(unknown.signingKey.bytes).toHaveBeenCalledTimes(1);
    expect(unknown.mailer.sent).toEqual([]);
    expect(unknown.mailer.pretended).toBe(1);
  });

  it('keys an unknown user by a digest: the typed address is stored nowhere', async () => {
    const dependencies = fakeDependencies();

    await create(loadFixture(SOURCE, 'user-not-found'), dependencies);

    expect(JSON.stringify([...dependencies.signIns.records])).not.toContain('nobody');
  });

  it('may invite users (FORCE_CHANGE_PASSWORD) to sign in with a code', async () => {
    const dependencies = fakeDependencies();
    const event = loadFixture(SOURCE, 'email-code');
    event.request.userAttributes['cognito:user_status'] = 'FORCE_CHANGE_PASSWORD';

    await create(event, dependencies);

    expect(dependencies.mailer.sent).toHaveLength(1);
  });
});

describe('a magic link', () => {
  it('is emailed to appUrl + magicLinkPath with a token for the user that the key verifies', async () => {
    const dependencies = fakeDependencies();

    const event = await create(
      loadFixture(SOURCE, 'magic-link'),
      dependencies,
      testConfig({ MAGIC_LINK_PATH: '/auth/link' }),
    );

    expect(event.response.publicChallengeParameters).toEqual({ step: 'magic_link', attemptsLeft: '3' });
    expect(event.response.privateChallengeParameters).toEqual({ step: 'magic_link', challengeId: expect.any(String) });
    const [email] = dependencies.mailer.sent;
    expect(email?.subject).toBe('Your Example App sign-in link');
    const url = /https:\/\/app\.example\.com\/auth\/link#([\w-]+\.[\w-]+)/.exec(email?.text ?? '');
    const claims = readMagicLink(url?.[1] ?? '', FIXTURE_SIGNING_KEY, NOW);
    expect(claims).toEqual({
      userName: '73e5a1c9-0d4b-7062-f8a7-2b9c6e3d1f05',
      userPoolId: 'us-east-1_Xq7fLw2Zb',
      issuedAt: NOW.getTime() / 1000,
      expiresAt: NOW.getTime() / 1000 + 900,
      linkId: expect.any(String),
    });
    expect(email?.html).toContain(`href="https://app.example.com/auth/link#${url?.[1]}"`);
  });

  it('is the same link, emailed once, when Cognito delivers the event three times at once', async () => {
    const dependencies = fakeDependencies();

    await Promise.all([0, 1, 2].map(() => create(loadFixture(SOURCE, 'magic-link'), dependencies)));

    expect(dependencies.mailer.sent).toHaveLength(1);
  });

  it('is refused when the method is not switched on', async () => {
    await expect(
      create(loadFixture(SOURCE, 'magic-link'), fakeDependencies(), testConfig({ CUSTOM_AUTH_METHODS: 'email_code' })),
    ).rejects.toEqual(
      new UserFacingError('This sign-in method is not available. Sign in with your password or another method.'),
    );
  });
});
