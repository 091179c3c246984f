import { createDefineAuthChallengeHandler } from '@functions/define-auth-challenge/handler';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { runFlow, testConfig } from './support';

const NEXT = { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false };
const TOKENS = { challengeName: null, issueTokens: true, failAuthentication: false };
const FAIL = { challengeName: null, issueTokens: false, failAuthentication: true };

describe('defineAuthChallenge on every recorded state of a sign-in', () => {
  it.each([
    ['the first call', undefined, NEXT],
    ['after the method was chosen', 'method-chosen', NEXT],
    ['after a wrong answer', 'wrong-answer', NEXT],
    ['after the third wrong answer', 'last-wrong-answer', FAIL],
    ['after a right answer', 'right-answer', TOKENS],
    ['for an unknown user after a wrong answer', 'user-not-found', NEXT],
    ['after a valid magic link in the first round', 'magic-link', TOKENS],
  ] as const)('answers %s', async (_what, state, expected) => {
    const event = loadFixture('DefineAuthChallenge_Authentication', state);

    await runFlow(event);

    expect(event.response).toEqual(expected);
  });
});

describe('defineAuthChallenge on rounds this flow did not create', () => {
  const question = 'choose_method:5c0f7e2a-9b41-4d3e-8a6f-1e2d3c4b5a69';
  const round = (challengeName: string, challengeResult: boolean, challengeMetadata?: string | null) => ({
    challengeName,
    challengeResult,
    ...(challengeMetadata === undefined ? {} : { challengeMetadata }),
  });

  it.each([
    ['an SRP round first', [round('SRP_A', true)]],
    ['a password round', [round('CUSTOM_CHALLENGE', false, question), round('PASSWORD_VERIFIER', true)]],
    [
      'a method question that names no sign-in',
      [round('CUSTOM_CHALLENGE', false, 'choose_method'), round('CUSTOM_CHALLENGE', true, 'email_code')],
    ],
    [
      'a method question whose sign-in id is not one the flow draws',
      [round('CUSTOM_CHALLENGE', false, 'choose_method:1'), round('CUSTOM_CHALLENGE', true, 'email_code')],
    ],
    ['a challenge without metadata', [round('CUSTOM_CHALLENGE', true, null)]],
    ['a challenge named by another flow', [round('CUSTOM_CHALLENGE', true, 'CAPTCHA_CHALLENGE')]],
    ['a proof round first', [round('CUSTOM_CHALLENGE', true, 'email_code')]],
    [
      'a second method question',
      [round('CUSTOM_CHALLENGE', false, question), round('CUSTOM_CHALLENGE', true, question)],
    ],
  ])('ends the sign-in after %s, whatever its result', async (_what, session) => {
    const event = loadFixture('DefineAuthChallenge_Authentication');
    event.request.session = session as never;

    await runFlow(event);

    expect(event.response).toEqual(FAIL);
  });

  it('ignores the app’s clientMetadata: a wrong answer claimed right by the app is still wrong', async () => {
    const event = loadFixture('DefineAuthChallenge_Authentication', 'last-wrong-answer');
    event.request.clientMetadata = { signInMethod: 'email_code', answerCorrect: 'true', issueTokens: 'true' };

    await runFlow(event);

    expect(event.response).toEqual(FAIL);
  });

  it('mixes wrong answers of both methods into one count of three', async () => {
    const event = loadFixture('DefineAuthChallenge_Authentication', 'wrong-answer');
    event.request.session.push(
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'magic_link' },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'email_code' },
    );

    await runFlow(event);

    expect(event.response).toEqual(FAIL);
  });
});

describe('defineAuthChallenge with passwordless sign-in off', () => {
  it('ends every custom sign-in at once and logs why', async () => {
    const event = loadFixture('DefineAuthChallenge_Authentication');

    const logs = await runFlow(event, testConfig({ CUSTOM_AUTH_METHODS: '' }));

    expect(event.response).toEqual(FAIL);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/CUSTOM_AUTH_METHODS/) }),
    );
  });

  it('refuses a method it does not know at cold start, naming the variable', () => {
    expect(() => testConfig({ CUSTOM_AUTH_METHODS: 'email_code,sms_code' })).toThrow(
      'CUSTOM_AUTH_METHODS must list email_code, magic_link, got "sms_code".',
    );
  });
});

describe('the defineAuthChallenge handler', () => {
  const logs = captureStdoutLogsOfEachTest();

  it('returns the event with its decision, and logs it with the trigger source', async () => {
    const handler = createDefineAuthChallengeHandler(testConfig());

    const answered = await handler(loadFixture('DefineAuthChallenge_Authentication', 'right-answer'), lambdaContext());

    expect(answered.response).toEqual(TOKENS);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ triggerSource: 'DefineAuthChallenge_Authentication', decision: 'issue-tokens' }),
    );
  });

  it('refuses an event whose session is not a list of rounds, naming the field', async () => {
    const handler = createDefineAuthChallengeHandler(testConfig());
    const event = loadFixture('DefineAuthChallenge_Authentication');
    (event.request as unknown as Record<string, unknown>).session = [{ challengeName: 'CUSTOM_CHALLENGE' }];

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      'request.session[0].challengeResult must be true or false.',
    );
  });
});
