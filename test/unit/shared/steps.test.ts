import { UserFacingError } from '@shared/errors';
import { createLogger } from '@shared/logger';
import { inEveryLanguage } from '@shared/messages/languages';
import { reject, runSteps, type Step, type StepContext, StepError } from '@shared/steps';
import { invocationParts } from '@test/helpers/invocation';
import { captureLogs } from '@test/helpers/log-capture';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

/** A refusal as the message catalog holds one: a text in every language. */
const SIGN_UPS_CLOSED = inEveryLanguage(() => 'Sign-ups are closed.');

type Context = StepContext<PreSignUpTriggerEvent, { strict: boolean }>;

function context(triggerSource: PreSignUpTriggerEvent['triggerSource'] = 'PreSignUp_SignUp'): Context {
  const event = { triggerSource, request: { userAttributes: {} }, response: {} } as PreSignUpTriggerEvent;
  return {
    event,
    config: { strict: true },
    logger: createLogger({ sink: captureLogs().sink }),
    reject,
    ...invocationParts(),
  };
}

function recorder(ran: string[], name: string, extra: Partial<Step<Context>> = {}): Step<Context> {
  return { name, run: () => void ran.push(name), ...extra };
}

describe('runSteps', () => {
  it('runs steps in order', async () => {
    const ran: string[] = [];

    await runSteps([recorder(ran, 'first'), recorder(ran, 'second')], context());

    expect(ran).toEqual(['first', 'second']);
  });

  it('skips a step meant for other trigger sources or switched off', async () => {
    const ran: string[] = [];
    const steps = [
      recorder(ran, 'admin-only', { sources: ['PreSignUp_AdminCreateUser'] }),
      recorder(ran, 'lenient-only', { enabled: (config) => !config.strict }),
      recorder(ran, 'always'),
    ];

    await runSteps(steps, context('PreSignUp_SignUp'));

    expect(ran).toEqual(['always']);
  });

  it('stops at a rejection and passes the user-facing error through', async () => {
    const ran: string[] = [];
    const steps: Step<Context>[] = [
      { name: 'deny', run: (ctx) => ctx.reject(SIGN_UPS_CLOSED) },
      recorder(ran, 'after'),
    ];

    await expect(runSteps(steps, context())).rejects.toEqual(new UserFacingError('Sign-ups are closed.'));
    expect(ran).toEqual([]);
  });

  it('wraps an unexpected error in a StepError naming the step, keeping the cause', async () => {
    const failure = new TypeError("Cannot read properties of undefined (reading 'email')");
    const steps: Step<Context>[] = [{ name: 'broken', run: () => Promise.reject(failure) }];

    const error = await runSteps(steps, context()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({ message: 'Step "broken" failed.', cause: failure });
  });
});

describe('runSteps with a concurrent step', () => {
  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((done) => {
      resolve = done;
    });
    return { promise, resolve };
  }

  it('runs the steps after it without waiting for it, and ends only when it has', async () => {
    const ran: string[] = [];
    const slow = deferred();
    const steps: Step<Context>[] = [
      {
        name: 'slow',
        concurrent: true,
        run: async () => {
          await slow.promise;
          ran.push('slow');
        },
      },
      {
        name: 'next',
        run: () => {
          ran.push('next');
          slow.resolve();
        },
      },
    ];

    await runSteps(steps, context());

    expect(ran).toEqual(['next', 'slow']);
  });

  it('reports its failure after the other steps ran', async () => {
    const ran: string[] = [];
    const steps: Step<Context>[] = [
      { name: 'broken', concurrent: true, run: () => Promise.reject(new Error('down')) },
      recorder(ran, 'next'),
    ];

    await expect(runSteps(steps, context())).rejects.toMatchObject({ message: 'Step "broken" failed.' });
    expect(ran).toEqual(['next']);
  });

  it('lets a rejection by the sequence win over a concurrent failure', async () => {
    const steps: Step<Context>[] = [
      { name: 'broken', concurrent: true, run: () => Promise.reject(new Error('down')) },
      { name: 'deny', run: (ctx) => ctx.reject(SIGN_UPS_CLOSED) },
    ];

    await expect(runSteps(steps, context())).rejects.toEqual(new UserFacingError('Sign-ups are closed.'));
  });
});
