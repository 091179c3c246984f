/**
 * The handlers as property tests and the secrets test run them, one per registered function (functions/registry.ts):
 * each is its test support's `testHandler(env)` (`test/unit/<folder>/support.ts`), configured from an explicit
 * environment, every rule switched on, over in-memory dependencies that behave like the real ones.
 */
import { join } from 'node:path';
import { FUNCTIONS, type RegisteredFunction } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';
import type { Env } from '@shared/config';
import type { TriggerEvent } from '@shared/trigger';
import type { FixtureTrigger } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import type { Context } from 'aws-lambda';

/** Invokes a handler with any event, as Cognito (or a wiring mistake) might send it. */
export type Invoke = (event: TriggerEvent) => Promise<TriggerEvent>;

/** The handlers, by the trigger each handles. */
export interface FuzzHandlers {
  invoke: Record<FixtureTrigger, Invoke>;
}

/** What a function's test support exports for the cross-trigger tests: its handler, built for `env`. */
type TestHandler = (env: Env) => Promise<TestedHandler> | TestedHandler;
type TestedHandler = (event: never, context: Context) => Promise<TriggerEvent>;

/** The test support of `declaration`'s function, relative to the project. */
export function testSupportOf(declaration: { name: string }): string {
  return `test/unit/${folderOf(declaration.name)}/support.ts`;
}

/** `testHandler` of the function's test support; throws naming the file and what it lacks. */
export function testHandlerOf(declaration: RegisteredFunction): TestHandler {
  const support = testSupportOf(declaration);
  let module: { testHandler?: unknown };
  try {
    module = require(join(__dirname, '..', '..', support)) as typeof module;
  } catch (error) {
    throw new Error(`${declaration.name} has no test support: add ${support} exporting testHandler(env).`, {
      cause: error,
    });
  }
  if (typeof module.testHandler !== 'function') {
    throw new Error(
      `${support} exports no testHandler(env): the handler the cross-trigger tests run, every rule on, over in-memory dependencies.`,
    );
  }
  return module.testHandler as TestHandler;
}

/** Builds the handlers with `env` added to each function's test settings (e.g. `LOG_LEVEL`, `LOG_EVENTS`). */
export async function fuzzHandlers(env: Env): Promise<FuzzHandlers> {
  const context = lambdaContext();
  const entries = await Promise.all(
    FUNCTIONS.map(async (declaration) => {
      const handler = await testHandlerOf(declaration)(env);
      const invoke: Invoke = (event) => handler(event as never, context);
      return [declaration.trigger.trigger, invoke] as const;
    }),
  );
  return { invoke: Object.fromEntries(entries) as Record<FixtureTrigger, Invoke> };
}
