import { sameCode } from '@functions/verify-auth-challenge-response/answers';
import { UserFacingError } from '@shared/errors';
import { loadFixture } from '@test/helpers/fixtures';
import fc from 'fast-check';
import { fakeDependencies, NOW, runFlow, testConfig, linkToken as token } from './support';

const SOURCE = 'VerifyAuthChallengeResponse_Authentication';
describe('verifyAuthChallengeResponse on the recorded states', () => {
  it.each([
    ['a method chosen in the first round (a request, not a proof)', undefined, false],
    ['the right code', 'email-code', true],
    ['a wrong code', 'wrong-answer', false],
    ['the code of a round nobody was sent (unknown user)', 'user-not-found', false],
    ['a valid magic link in the first round', 'magic-link', true],
  ] as const)('judges %s', async (_what, state, expected) => {
    const event = loadFixture(SOURCE, state);

    await runFlow(event);

    expect(event.response.answerCorrect).toBe(expected);
  });

  it('judges a code without its key or the used-links record', async () => {
    const dependencies = fakeDependencies();
    const event = loadFixture(SOURCE, 'email-code');

    await runFlow(event, testConfig(), dependencies);

    expect(dependencies.signingKey.bytes).not.toHaveBeenCalled();
    expect(dependencies.usedLinks.usedBy.size).toBe(0);
  });
});

describe('email codes', () => {
  it('refuses the right code after its expiry, so that the next round sends a new one', async () => {
    const event = loadFixture(SOURCE, 'email-code');
    event.request.privateChallengeParameters['expiresAt'] = String(NOW.getTime());

    const logs = await runFlow(event);

    expect(event.response.answerCorrect).toBe(false);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'Sign-in code answered after its expiry' }),
    );
  });

  it('accepts the code with spaces around it, and nothing but the code', async () => {
    expect(sameCode(' 482913 ', '482913')).toBe(true);
    expect(sameCode('4829130', '482913')).toBe(false);
    expect(sameCode('', '')).toBe(false);
  });

  it('is string equality of the trimmed answer and a code, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 1 }), (answer, code) => {
        expect(sameCode(answer, code)).toBe(answer.trim() === code);
        expect(sameCode(` ${code} `, code)).toBe(code.trim() === code);
      }),
      { numRuns: 2_000 },
    );
    expect(sameCode('48291', '482913')).toBe(false);
    expect(sameCode('482913', '48291')).toBe(false);
    expect(sameCode('\u0000'.repeat(6), '000000')).toBe(false);
  });
});

describe('the method choice', () => {
  it.each([undefined, 'sms_code', 'magic_link'])('refuses the method %p when it is not switched on', async (method) => {
    const event = loadFixture(SOURCE);
    event.request.clientMetadata = method === undefined ? {} : { signInMethod: method };

    await expect(runFlow(event, testConfig({ CUSTOM_AUTH_METHODS: 'email_code' }))).rejects.toEqual(
      new UserFacingError('This sign-in method is not available. Sign in with your password or another method.'),
    );
  });

  it('takes the answer "magic_link" as a request for a link, not as a token', async () => {
    const dependencies = fakeDependencies();
    const event = loadFixture(SOURCE);
    event.request.clientMetadata = { signInMethod: 'magic_link' };
    event.request.challengeAnswer = 'magic_link';

    await runFlow(event, testConfig(), dependencies);

    expect(event.response.answerCorrect).toBe(false);
    expect(dependencies.signingKey.bytes).not.toHaveBeenCalled();
  });
});

describe('magic links', () => {
  const linkEvent = (answer: string) => {
    const event = loadFixture(SOURCE, 'magic-link');
    event.request.challengeAnswer = answer;
    return event;
  };

  it('signs in once: another sign-in with the same link is refused', async () => {
    const dependencies = fakeDependencies();
    const first = linkEvent(token());
    const second = linkEvent(token());
    second.request.privateChallengeParameters['challengeId'] = 'another-sign-in';

    await runFlow(first, testConfig(), dependencies);

    expect(first.response.answerCorrect).toBe(true);
    await expect(runFlow(second, testConfig(), dependencies)).rejects.toEqual(
      new UserFacingError('This sign-in link has already been used. Ask for a new one.'),
    );
  });

  it('still signs in when Cognito retries the same verification', async () => {
    const dependencies = fakeDependencies();
    const deliveries = [linkEvent(token()), linkEvent(token()), linkEvent(token())];

    for (const event of deliveries) await runFlow(event, testConfig(), dependencies);

    expect(deliveries.map((event) => event.response.answerCorrect)).toEqual([true, true, true]);
    expect([...dependencies.usedLinks.usedBy.values()]).toEqual(['8d3b6a1f-2c4e-4f70-9b15-7a6e5d4c3b21']);
  });

  it('refuses an expired link, saying so', async () => {
    await expect(runFlow(linkEvent(token({ expiresAt: Math.floor(NOW.getTime() / 1000) })))).rejects.toEqual(
      new UserFacingError('This sign-in link has expired. Ask for a new one.'),
    );
  });

  it.each([
    ['signed with another key', token({}, Buffer.alloc(32, 7))],
    ['for another user', token({ userName: 'someone-else' })],
    ['for another pool', token({ userPoolId: 'us-east-1_Other0000' })],
    ['with its payload changed', `${Buffer.from('{"u":"x"}').toString('base64url')}.${token().split('.')[1]}`],
    ['cut short', token().slice(0, 40)],
    ['that is no token at all', 'not a link'],
    ['of 10 kB', 'a'.repeat(10_000)],
  ])('refuses a link %s as not valid, writing nothing', async (_what, answer) => {
    const dependencies = fakeDependencies();

    await expect(runFlow(linkEvent(answer), testConfig(), dependencies)).rejects.toEqual(
      new UserFacingError('This sign-in link is not valid. Ask for a new link and use the latest one.'),
    );
    expect(dependencies.usedLinks.usedBy.size).toBe(0);
  });

  it('refuses a valid link for an unknown user', async () => {
    const event = linkEvent(token());
    event.request.userNotFound = true;

    await expect(runFlow(event)).rejects.toThrow('This sign-in link is not valid.');
  });

  it('accepts the token pasted into a magic-link round of the same sign-in', async () => {
    const event = loadFixture(SOURCE);
    event.request.privateChallengeParameters = { step: 'magic_link', challengeId: 'same-session' };
    event.request.challengeAnswer = token();

    await runFlow(event);

    expect(event.response.answerCorrect).toBe(true);
  });

  it('fails as an internal error naming its step, with the cause kept, when the key cannot be read', async () => {
    const dependencies = fakeDependencies();
    const cause = new Error('secrets manager down');
    dependencies.signingKey.bytes.mockRejectedValue(cause);

    await expect(runFlow(linkEvent(token()), testConfig(), dependencies)).rejects.toMatchObject({
      message: 'Step "judge-method-choice" failed.',
      cause,
    });
  });
});

describe('challenges this flow did not create', () => {
  it('are never answered right', async () => {
    const event = loadFixture(SOURCE);
    event.request.privateChallengeParameters = { answer: '42' };
    event.request.challengeAnswer = '42';

    await runFlow(event);

    expect(event.response.answerCorrect).toBe(false);
  });
});
