import { DependencyError, GENERIC_FAILURE_MESSAGE, UserFacingError } from '@shared/errors';
import { field } from '@shared/event-shape';
import { createFlowHandler, createTriggerHandler, type TriggerFlow } from '@shared/handler';
import type { Step, StepContext } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import { emfProblems } from '@test/helpers/emf';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureLogs, captureStdoutLogs } from '@test/helpers/log-capture';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

const PRE_SIGN_UP: TriggerDefinition<PreSignUpTriggerEvent> = {
  trigger: 'PreSignUp',
  sources: ['PreSignUp_SignUp'],
  requestFields: { userAttributes: field.stringMap },
};

function signUpEvent(): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_AbCdEf123',
    userName: 'jane@example.com',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'abcdefghijklmnopqrstuvwxyz' },
    triggerSource: 'PreSignUp_SignUp',
    request: { userAttributes: { email: 'jane@example.com' } },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

function handlerWith(flow: TriggerFlow<PreSignUpTriggerEvent>) {
  const logs = captureLogs();
  const handler = createTriggerHandler(PRE_SIGN_UP, flow, { level: 'debug', logEvents: false, sink: logs.sink });
  return { handler, logs };
}

describe('createTriggerHandler', () => {
  it('returns the event with the changes the flow made', async () => {
    const { handler } = handlerWith(async (event) => {
      event.response.autoConfirmUser = true;
    });

    const result = await handler(signUpEvent(), lambdaContext());

    expect(result.response.autoConfirmUser).toBe(true);
  });

  it('logs the invocation with trigger source, pool, client and request id, masking the email', async () => {
    const { handler, logs } = handlerWith(async (_event, { logger }) =>
      logger.info('checked', { userName: 'jane@example.com' }),
    );

    await handler(signUpEvent(), lambdaContext('req-1'));

    const context = {
      triggerSource: 'PreSignUp_SignUp',
      userPoolId: 'us-east-1_AbCdEf123',
      clientId: 'abcdefghijklmnopqrstuvwxyz',
      requestId: 'req-1',
    };
    expect(logs.entries()).toEqual([
      expect.objectContaining({ level: 'info', message: 'checked', userName: 'j***@example.com', ...context }),
      expect.objectContaining({
        level: 'info',
        message: 'Trigger completed',
        Duration: expect.any(Number),
        ...context,
      }),
    ]);
  });

  it('passes a user-facing message through and logs it as a warning', async () => {
    const { handler, logs } = handlerWith(async () => {
      throw new UserFacingError('Sign-ups from example.org are not allowed.');
    });

    await expect(handler(signUpEvent(), lambdaContext())).rejects.toThrow('Sign-ups from example.org are not allowed.');
    expect(logs.entries()).toEqual([
      expect.objectContaining({ level: 'warn', message: 'Trigger rejected the request' }),
    ]);
  });

  it('masks any other error and logs it with its cause', async () => {
    const cause = Object.assign(new Error('Requested resource not found'), { code: 'ResourceNotFoundException' });
    const { handler, logs } = handlerWith(async () => {
      throw new DependencyError('Profile write failed', { cause, dependency: 'DynamoDB' });
    });

    const error = await handler(signUpEvent(), lambdaContext()).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ message: GENERIC_FAILURE_MESSAGE });
    expect(logs.entries()).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'Trigger failed',
        error: expect.objectContaining({
          name: 'DependencyError',
          cause: expect.objectContaining({ errorCode: 'ResourceNotFoundException' }),
        }),
      }),
    ]);
  });

  it('masks a TypeError from a flow', async () => {
    const { handler } = handlerWith(async (event) => {
      (event.request as unknown as { missing: { field: string } }).missing.field.trim();
    });

    await expect(handler(signUpEvent(), lambdaContext())).rejects.toThrow(GENERIC_FAILURE_MESSAGE);
  });

  it('answers an event of another trigger with a clear error and never runs the flow', async () => {
    const flow = jest.fn(async () => undefined);
    const { handler } = handlerWith(flow);
    const wrong = {
      ...signUpEvent(),
      triggerSource: 'PostConfirmation_ConfirmSignUp',
    } as unknown as PreSignUpTriggerEvent;

    await expect(handler(wrong, lambdaContext())).rejects.toThrow(
      'Invalid PreSignUp event: this function handles PreSignUp_SignUp; got triggerSource "PostConfirmation_ConfirmSignUp".',
    );
    expect(flow).not.toHaveBeenCalled();
  });

  it('answers a malformed event with a clear error, not a TypeError', async () => {
    const { handler, logs } = handlerWith(async () => undefined);

    await expect(handler('not an event' as unknown as PreSignUpTriggerEvent, lambdaContext())).rejects.toThrow(
      'Invalid PreSignUp event: expected an object, got string.',
    );
    expect(logs.entries()[0]).toMatchObject({ level: 'warn', error: { name: 'InvalidEventError' } });
  });

  it('gives the flow a signal, aborted when the early timeout fires and not before', async () => {
    let seen: AbortSignal | undefined;
    let abortedWhileRunning: boolean | undefined;
    const { handler } = handlerWith(async (_event, _context, signal) => {
      seen = signal;
      abortedWhileRunning = signal.aborted;
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    });
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => 150 };

    await expect(handler(signUpEvent(), context)).rejects.toThrow(GENERIC_FAILURE_MESSAGE);
    expect(abortedWhileRunning).toBe(false);
    expect(seen?.aborted).toBe(true);
  });

  it('leaves the signal of a flow that finishes in time alone', async () => {
    let seen: AbortSignal | undefined;
    const { handler } = handlerWith(async (_event, _context, signal) => {
      seen = signal;
    });

    await handler(signUpEvent(), lambdaContext());

    expect(seen?.aborted).toBe(false);
  });

  it('aborts a flow that would outlive the Lambda timeout with the generic message', async () => {
    const { handler } = handlerWith(() => new Promise(() => undefined));
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => 150 };

    await expect(handler(signUpEvent(), context)).rejects.toThrow(GENERIC_FAILURE_MESSAGE);
  });
});

describe('the line every invocation ends with', () => {
  type Context = StepContext<PreSignUpTriggerEvent, { logLevel: 'debug' | 'error'; logEvents: false }>;
  const counting: Step<Context> = { name: 'count-a-link', run: ({ metrics }) => metrics.count('AccountsLinked') };
  const refusing: Step<Context> = {
    name: 'deny-listed-domains',
    run: ({ reject }) => reject({ en: 'No.', fr: 'Non.', es: 'No.', de: 'Nein.' }),
  };
  let stdout: ReturnType<typeof captureStdoutLogs>;

  /** The lines of one invocation of a handler of `steps` at `level` on `event`, whatever it answered. */
  async function linesOf(steps: Step<Context>[], event: unknown, level: 'debug' | 'error' = 'debug') {
    const handler = createFlowHandler(PRE_SIGN_UP, steps, { logLevel: level, logEvents: false }, {});
    await handler(event as PreSignUpTriggerEvent, lambdaContext()).catch(() => undefined);
    return stdout.entries();
  }

  beforeEach(() => {
    stdout = captureStdoutLogs();
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
  });

  afterEach(() => {
    stdout.restore();
    delete process.env._X_AMZN_TRACE_ID;
  });

  it('names the function, its version, the trace and whether the container was cold, on every line', async () => {
    const logs = captureLogs();
    const handler = createTriggerHandler(PRE_SIGN_UP, async (_event, { logger }) => logger.info('step'), {
      level: 'debug',
      logEvents: false,
      sink: logs.sink,
    });

    await handler(signUpEvent(), lambdaContext());
    await handler(signUpEvent(), lambdaContext());

    expect(logs.entries().map(({ message, coldStart }) => [message, coldStart])).toEqual([
      ['step', true],
      ['Trigger completed', true],
      ['step', false],
      ['Trigger completed', false],
    ]);
    for (const entry of logs.entries()) {
      expect(entry).toMatchObject({
        functionName: 'cognito-flows-test-function',
        functionVersion: '$LATEST',
        xRayTraceId: '1-5759e988-bd862e3fe1be46a994272793',
      });
    }
  });

  it('carries the metrics of an answered invocation, with what its steps counted', async () => {
    const line = (await linesOf([counting], signUpEvent())).at(-1) ?? {};

    expect(emfProblems(line)).toEqual([]);
    expect(line).toMatchObject({
      level: 'info',
      message: 'Trigger completed',
      FunctionName: 'cognito-flows-test-function',
      TriggerSource: 'PreSignUp_SignUp',
      Accepted: 1,
      AccountsLinked: 1,
      ColdStart: 1,
    });
  });

  it('carries the refusal and the step that refused', async () => {
    const line = (await linesOf([refusing], signUpEvent())).at(-1) ?? {};

    expect(emfProblems(line)).toEqual([]);
    expect(line).toMatchObject({ level: 'warn', Refused: 1, Rule: 'deny-listed-domains' });
  });

  it('carries an event of another trigger as a failure of the event, under no trigger source of its own', async () => {
    const line = (await linesOf([], { ...signUpEvent(), triggerSource: 'Made_Up_Source' })).at(-1) ?? {};

    expect(emfProblems(line)).toEqual([]);
    expect(line).toMatchObject({ Failed: 1, Dependency: 'event', TriggerSource: 'unknown' });
  });

  it('is written with the metrics alone when its level is below the function’s', async () => {
    const lines = await linesOf([counting], signUpEvent(), 'error');

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toHaveProperty('message');
    expect(emfProblems(lines[0] ?? {})).toEqual([]);
    expect(lines[0]).toMatchObject({ Accepted: 1, AccountsLinked: 1, requestId: expect.any(String) });
  });
});
