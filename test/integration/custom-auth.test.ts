/*
 * Passwordless sign-in against the emulators: createAuthChallenge over dynalite and aws-ses-v2-local, and
 * verifyAuthChallengeResponse over dynalite and the local Secrets Manager, with the real SDK clients. Cognito
 * delivers every event three times in a row and three times at once: one code or link, one email, one use.
 */

import { randomUUID } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import { createDynamoDbSignInStore } from '@functions/create-auth-challenge/sign-in-store';
import { createTimedMailer } from '@functions/create-auth-challenge/timed-mailer';
import { createVerifyAuthChallengeResponseHandler } from '@functions/verify-auth-challenge-response/handler';
import { createDynamoDbUsedLinks } from '@functions/verify-auth-challenge-response/used-links';
import { type LocalSecretsManager, startLocalSecretsManager } from '@scripts/local-pool/secrets-manager';
import { methodQuestionMetadata } from '@shared/custom-auth/sign-in-method';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { createSesMailer } from '@shared/mailer';
import { redeliver } from '@test/faults/fault-injection';
import { budgetedClients } from '@test/helpers/budgeted-clients';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';
import { FIXTURE_SIGNING_KEY_NAME } from '@test/helpers/signing-key';
import { testConfig as createConfig } from '@test/unit/create-auth-challenge/support';
import { testConfig as verifyConfig } from '@test/unit/verify-auth-challenge-response/support';
import type { CreateAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

const KEY = 'integration-only-magic-link-key-0123456789abcdef';

let dynamo: LocalDynamoDb;
let ses: LocalSes;
let secrets: LocalSecretsManager;
let table: string;
let tables = 0;
const stdout = captureStdoutLogsOfEachTest();

beforeAll(async () => {
  [dynamo, ses, secrets] = await Promise.all([
    startDynalite(),
    startSesLocal(),
    startLocalSecretsManager({ [FIXTURE_SIGNING_KEY_NAME]: KEY }),
  ]);
});

afterAll(async () => {
  await Promise.all([dynamo?.stop(), ses?.stop(), secrets?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `sign-in-challenges-${tables}`;
  await Promise.all([dynamo.createTable('SignInChallengesTable', table), ses.clear()]);
});

const signingKey = () =>
  createSecretsManagerSigningKey(
    async () =>
      new SecretsManagerClient({
        endpoint: secrets.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    FIXTURE_SIGNING_KEY_NAME,
  );

function createHandler() {
  const sesClient = budgetedClients.ses(ses.endpoint);
  return createCreateAuthChallengeHandler(createConfig({ SIGN_IN_CHALLENGES_TABLE: table }), {
    signIns: createDynamoDbSignInStore(async () => budgetedClients.dynamoDb(dynamo.endpoint), table),
    mailer: createTimedMailer(
      createSesMailer(async () => sesClient),
      async () => sesClient,
    ),
    signingKey: signingKey(),
    now: () => new Date(),
  });
}

function verifyHandler() {
  return createVerifyAuthChallengeResponseHandler(verifyConfig({ SIGN_IN_CHALLENGES_TABLE: table }), {
    usedLinks: createDynamoDbUsedLinks(async () => budgetedClients.dynamoDb(dynamo.endpoint), table),
    signingKey: signingKey(),
    now: () => new Date(),
  });
}

describe('createAuthChallenge against dynalite and SES', () => {
  it('sends one code, the same in every answer, for three deliveries in a row and three at once', async () => {
    const handler = createHandler();
    const invoke = (event: CreateAuthChallengeTriggerEvent) => handler(event, lambdaContext());

    const answers = await redeliver(invoke, loadFixture('CreateAuthChallenge_Authentication', 'email-code'));

    const codes = new Set(answers.map((event) => event.response.privateChallengeParameters['code']));
    expect(codes.size).toBe(1);
    const emails = await ses.emails();
    expect(emails.map((email) => email.destination.to)).toEqual([['hiro.tanaka@example.com']]);
    expect(emails[0]?.body.text).toContain([...codes][0]);
    expect(stdout.lines.join('\n')).not.toContain('hiro.tanaka@example.com');
    expect(stdout.lines.join('\n')).not.toContain([...codes][0]);
  });

  it('sends one link for six deliveries, and nothing for an unknown user', async () => {
    const handler = createHandler();
    const invoke = (event: CreateAuthChallengeTriggerEvent) => handler(event, lambdaContext());

    await redeliver(invoke, loadFixture('CreateAuthChallenge_Authentication', 'magic-link'));
    await redeliver(invoke, loadFixture('CreateAuthChallenge_Authentication', 'user-not-found'));

    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.body.text).toMatch(/https:\/\/app\.example\.com\/sign-in#[\w-]+\.[\w-]+/);
  });
});

describe('email codes of several sign-ins of one user, through verifyAuthChallengeResponse', () => {
  /** The code round of a new sign-in of the recorded user. */
  function newSignIn(): CreateAuthChallengeTriggerEvent {
    const event = loadFixture('CreateAuthChallenge_Authentication', 'email-code');
    const [first] = event.request.session;
    if (first !== undefined) first.challengeMetadata = methodQuestionMetadata(randomUUID());
    return event;
  }

  /** The answer `code` to the code round `round` created. */
  function answering(round: CreateAuthChallengeTriggerEvent, code: string): VerifyAuthChallengeResponseTriggerEvent {
    const event = loadFixture('VerifyAuthChallengeResponse_Authentication', 'email-code');
    event.request.privateChallengeParameters = round.response.privateChallengeParameters;
    event.request.challengeAnswer = code;
    return event;
  }

  it('give every sign-in a code of its own, each emailed and counted, until the window is full', async () => {
    const handler = createHandler();

    const outcomes = [];
    for (let signIn = 0; signIn < 50; signIn += 1) {
      outcomes.push(await handler(newSignIn(), lambdaContext()).catch((error: Error) => error));
    }

    const rounds = outcomes.filter(
      (outcome): outcome is CreateAuthChallengeTriggerEvent => !(outcome instanceof Error),
    );
    const codes = rounds.map((round) => round.response.privateChallengeParameters['code']);
    expect(new Set(codes).size).toBe(5);
    expect(await ses.emails()).toHaveLength(5);
    expect(outcomes.slice(5)).toEqual(
      Array(45).fill(expect.objectContaining({ message: expect.stringContaining('Try again in 15 minutes.') })),
    );
  });

  it('refuse a code in any sign-in but the one it was emailed for', async () => {
    const create = createHandler();
    const verify = verifyHandler();
    const older = await create(newSignIn(), lambdaContext());
    const newer = await create(newSignIn(), lambdaContext());
    const olderCode = older.response.privateChallengeParameters['code'] ?? '';
    const newerCode = newer.response.privateChallengeParameters['code'] ?? '';

    const withOlderCode = await verify(answering(newer, olderCode), lambdaContext());
    const withOwnCode = await verify(answering(newer, newerCode), lambdaContext());

    expect(olderCode).not.toBe(newerCode);
    expect(withOlderCode.response.answerCorrect).toBe(false);
    expect(withOwnCode.response.answerCorrect).toBe(true);
  });
});

describe('a magic link from the email, through verifyAuthChallengeResponse', () => {
  /** The token of the one link SES received. */
  async function emailedToken(): Promise<string> {
    const handler = createHandler();
    await handler(loadFixture('CreateAuthChallenge_Authentication', 'magic-link'), lambdaContext());
    const [email] = await ses.emails();
    return /#([\w-]+\.[\w-]+)/.exec(email?.body.text ?? '')?.[1] ?? '';
  }

  function answering(token: string, challengeId: string): VerifyAuthChallengeResponseTriggerEvent {
    const event = loadFixture('VerifyAuthChallengeResponse_Authentication', 'magic-link');
    event.request.challengeAnswer = token;
    event.request.privateChallengeParameters['challengeId'] = challengeId;
    return event;
  }

  it('signs in the sign-in that used it, however often Cognito delivers its verification, and no other', async () => {
    const token = await emailedToken();
    const handler = verifyHandler();
    const invoke = (event: VerifyAuthChallengeResponseTriggerEvent) => handler(event, lambdaContext());

    const answers = await redeliver(invoke, answering(token, 'sign-in-one'));

    expect(answers.map((event) => event.response.answerCorrect)).toEqual([true, true, true, true, true, true]);
    await expect(invoke(answering(token, 'sign-in-two'))).rejects.toThrow(
      'This sign-in link has already been used. Ask for a new one.',
    );
  });

  it('lets exactly one of two sign-ins racing with the same link in', async () => {
    const token = await emailedToken();
    const handler = verifyHandler();

    const outcomes = await Promise.allSettled(
      ['racer-a', 'racer-b', 'racer-c'].map((id) => handler(answering(token, id), lambdaContext())),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });
});
