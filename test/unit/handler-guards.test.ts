import { join } from 'node:path';
import { FUNCTIONS, functionOf, type RegisteredFunction } from '@functions/registry';
import { handlerModuleOf } from '@resources/service/function-declaration';
import type { FieldShape } from '@shared/event-shape';
import { FIXTURE_SOURCES, loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import type { Context } from 'aws-lambda';

type EntryPoint = (event: unknown, context: Context) => Promise<unknown>;

const ROOT = join(__dirname, '..', '..');

/**
 * A registered function's deployed entry point, loaded as Lambda loads it: module scope runs with the
 * environment of test/setup-env.ts.
 */
async function entryPoint({ name }: RegisteredFunction): Promise<EntryPoint> {
  const module = (await import(join(ROOT, handlerModuleOf(name)))) as { handler?: EntryPoint };
  if (module.handler === undefined) throw new Error(`${handlerModuleOf(name)}.ts exports no handler.`);
  return module.handler;
}

/** The request fields a trigger requires: those it declares and that may not be absent. */
function requiredFields(declaration: RegisteredFunction): [string, FieldShape][] {
  return Object.entries(declaration.trigger.requestFields).filter(([, shape]) => shape.kind !== 'optional');
}

describe.each(FUNCTIONS.map((declaration) => [declaration.trigger.trigger, declaration] as const))(
  'the %s entry point',
  (trigger, declaration) => {
    const sources: readonly string[] = declaration.trigger.sources;
    const [ownSource = ''] = sources;
    const foreignSources = FIXTURE_SOURCES.filter((source) => !sources.includes(source));

    it.each(foreignSources)('answers a %s event with an error naming the sources it handles', async (source) => {
      const handler = await entryPoint(declaration);

      await expect(handler(loadFixture(source), lambdaContext())).rejects.toThrow(
        `Invalid ${trigger} event: this function handles ${sources.join(', ')}; got triggerSource "${source}".`,
      );
    });

    it.each([
      ['null', null, `Invalid ${trigger} event: expected an object, got null.`],
      ['a string', 'PreSignUp_SignUp', `Invalid ${trigger} event: expected an object, got string.`],
      ['an empty object', {}, `Invalid ${trigger} event: this function handles`],
    ])('answers %s with a clear error', async (_label, input, message) => {
      const handler = await entryPoint(declaration);

      await expect(handler(input, lambdaContext())).rejects.toThrow(message);
    });

    it('answers an event without a request with an error naming the field', async () => {
      const handler = await entryPoint(declaration);
      const event = loadFixture(ownSource as never) as Record<string, unknown>;
      delete event.request;

      await expect(handler(event, lambdaContext())).rejects.toThrow(
        `Invalid ${trigger} event: request must be an object.`,
      );
    });

    const fields = requiredFields(declaration).map(([field]) => field);
    if (fields.length > 0) {
      it.each(fields)('answers an event without request.%s with an error naming the field', async (field) => {
        const handler = await entryPoint(declaration);
        const event = loadFixture(ownSource as never) as { request: Record<string, unknown> };
        delete event.request[field];

        await expect(handler(event, lambdaContext())).rejects.toThrow(
          `Invalid ${trigger} event: request.${field} must be`,
        );
      });
    }
  },
);

describe.each(['PreSignUp', 'CustomMessage', 'PostConfirmation'])('the %s entry point', (trigger) => {
  it('answers an event without userAttributes with an error naming the field', async () => {
    const declaration = functionOf(trigger);
    const handler = await entryPoint(declaration);
    const event = loadFixture(declaration.trigger.sources[0] as never) as { request: Record<string, unknown> };
    delete event.request.userAttributes;

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      `Invalid ${trigger} event: request.userAttributes must be an object.`,
    );
  });
});
