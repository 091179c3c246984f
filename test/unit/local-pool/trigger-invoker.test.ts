import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoError } from '@scripts/local-pool/cognito/aws-errors';
import { createTriggerInvoker, eventCommon, type TriggerEvent } from '@scripts/local-pool/cognito/trigger-invoker';
import { closeServer } from '@test/helpers/servers';
import { unreachableEndpoint } from '@test/helpers/silent-endpoint';

/** What the stub Lambda Invoke API does with a request: answer it, or never answer (a function that hangs). */
type Answer = { status: number; headers?: Record<string, string>; body: string } | 'hang';

interface StubLambda {
  endpoint: string;
  /** The requests received so far: the path, the headers the invoker sent and the payload. */
  requests: { url: string; invocationType: string | undefined; payload: unknown }[];
  /** Answers the next requests in order, then the last answer for every further one. */
  answer(...answers: Answer[]): void;
  stop(): Promise<void>;
}

/** A Lambda Invoke API on 127.0.0.1 whose answers each test sets. */
async function startStubLambda(): Promise<StubLambda> {
  let answers: Answer[] = [];
  const requests: StubLambda['requests'] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    // Counted on arrival: an attempt the invoker abandons may never finish sending its body.
    const received: StubLambda['requests'][number] = {
      url: request.url ?? '',
      invocationType: request.headers['x-amz-invocation-type'] as string | undefined,
      payload: undefined,
    };
    requests.push(received);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? 'hang';
      if (answer === 'hang') {
        hanging.push(response);
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (...next) => {
      answers = next;
    },
    stop: async () => {
      for (const response of hanging) response.destroy();
      await closeServer(server);
    },
  };
}

const EVENT: TriggerEvent<{ userAttributes: Record<string, string> }, { autoConfirmUser: boolean }> = {
  ...eventCommon('PreSignUp_SignUp', { userPoolId: 'us-east-1_abc', userName: 'jane', clientId: 'client-1' }),
  request: { userAttributes: { email: 'jane@example.com' } },
  response: { autoConfirmUser: false },
};

const ok = (body: unknown): Answer => ({ status: 200, body: JSON.stringify(body) });
const functionError = (body: unknown): Answer => ({
  status: 200,
  headers: { 'x-amz-function-error': 'Unhandled' },
  body: JSON.stringify(body),
});

/** The Cognito error a promise rejects with, as `{ name, message }`. */
async function cognitoErrorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await promise.then(
    () => new Error('Expected a rejection.'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof CognitoError)) throw error;
  return { name: error.code, message: error.message };
}

/**
 * How long an attempt may take in these tests: short enough to keep them quick, long enough for a busy machine to
 * deliver a request to the stub (the counts are what the tests assert, never a duration).
 */
const HANG_TIMEOUT_MS = 1_000;

let lambda: StubLambda;

beforeAll(async () => {
  lambda = await startStubLambda();
});

afterAll(async () => {
  await lambda.stop();
});

beforeEach(() => {
  lambda.requests.length = 0;
});

describe('eventCommon', () => {
  it("shapes the common fields as Cognito does: the region from the pool id, version 1, the SDK's placeholder", () => {
    expect(
      eventCommon('PostConfirmation_ConfirmSignUp', { userPoolId: 'eu-west-1_xyz', userName: 'u', clientId: 'c' }),
    ).toEqual({
      version: '1',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_xyz',
      userName: 'u',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'c' },
    });
  });

  it('names the administrator placeholder as the client of an admin action, and takes a PreTokenGeneration version', () => {
    const common = eventCommon(
      'TokenGeneration_Authentication',
      { userPoolId: 'p_1', userName: null, clientId: null },
      '3',
    );

    expect(common).toMatchObject({
      version: '3',
      userName: null,
      callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    });
  });
});

describe('createTriggerInvoker', () => {
  it('posts the event to the Lambda Invoke API as a synchronous invocation and returns its response', async () => {
    lambda.answer(ok({ ...EVENT, response: { autoConfirmUser: true } }));
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint });

    const response = await invoke('PreSignUp', 'cognito-flows-local-preSignUp', EVENT);

    expect(response).toEqual({ autoConfirmUser: true });
    expect(lambda.requests).toEqual([
      {
        url: '/2015-03-31/functions/cognito-flows-local-preSignUp/invocations',
        invocationType: 'RequestResponse',
        payload: EVENT,
      },
    ]);
  });

  it('abandons an attempt that takes too long and makes three in all, then answers with a socket timeout', async () => {
    lambda.answer('hang');
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint, attemptTimeoutMs: HANG_TIMEOUT_MS });

    const failure = await cognitoErrorOf(invoke('PreSignUp', 'slow', EVENT));

    expect(lambda.requests).toHaveLength(3);
    expect(failure).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PreSignUp invocation failed due to error Socket timeout exception.',
    });
  });

  it('uses the answer of a retry after an attempt timed out', async () => {
    lambda.answer('hang', 'hang', ok({ ...EVENT, response: { autoConfirmUser: true } }));
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint, attemptTimeoutMs: HANG_TIMEOUT_MS });

    const response = await invoke('PreSignUp', 'slow-then-fast', EVENT);

    expect(response).toEqual({ autoConfirmUser: true });
    expect(lambda.requests).toHaveLength(3);
  });

  it('makes as many attempts as it is told to', async () => {
    lambda.answer('hang');
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint, attemptTimeoutMs: HANG_TIMEOUT_MS, attempts: 1 });

    await cognitoErrorOf(invoke('PreSignUp', 'slow', EVENT));

    expect(lambda.requests).toHaveLength(1);
  });

  it.each<[string, Answer, { name: string; message: string }]>([
    [
      'a thrown error, with its message',
      functionError({ errorType: 'Error', errorMessage: 'Sign-ups are closed.' }),
      { name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Sign-ups are closed..' },
    ],
    [
      'a function error without a message',
      functionError({ errorType: 'Runtime.ExitError' }),
      { name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Unhandled.' },
    ],
    [
      'an unknown function (404)',
      { status: 404, body: JSON.stringify({ Type: 'User', message: 'Function not found' }) },
      {
        name: 'UnexpectedLambdaException',
        message: 'PreSignUp invocation failed due to error ResourceNotFoundException.',
      },
    ],
    [
      'a failure of the Lambda service (500)',
      { status: 500, body: '{}' },
      { name: 'UnexpectedLambdaException', message: 'PreSignUp invocation failed due to error ServiceException.' },
    ],
    [
      'an answer that is not JSON',
      { status: 200, body: 'not json' },
      { name: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' },
    ],
    [
      'an answer without a response object',
      ok({ ...EVENT, response: null }),
      { name: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' },
    ],
    ['a JSON null', ok(null), { name: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' }],
  ])('reports %s with Cognito’s exception, after one attempt', async (_case, answer, expected) => {
    lambda.answer(answer);
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint });

    await expect(cognitoErrorOf(invoke('PreSignUp', 'fn', EVENT))).resolves.toEqual(expected);
    expect(lambda.requests).toHaveLength(1);
  });

  it('answers a Lambda endpoint that refuses connections as a service exception', async () => {
    const invoke = createTriggerInvoker({ endpoint: await unreachableEndpoint() });

    await expect(cognitoErrorOf(invoke('PostConfirmation', 'fn', EVENT))).resolves.toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PostConfirmation invocation failed due to error ServiceException.',
    });
  });

  it('encodes the function name into the path', async () => {
    lambda.answer(ok(EVENT));
    const invoke = createTriggerInvoker({ endpoint: lambda.endpoint });

    await invoke('PreSignUp', 'arn:aws:lambda:us-east-1:000000000000:function:pre sign up', EVENT);

    expect(lambda.requests[0]?.url).toBe(
      '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Apre%20sign%20up/invocations',
    );
  });
});
