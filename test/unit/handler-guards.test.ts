import type { Context } from 'aws-lambda';
import { FIXTURE_SOURCES, FIXTURES_BY_TRIGGER, type FixtureTrigger, loadFixture } from '../helpers/fixtures';
import { lambdaContext } from '../helpers/lambda-context';

/** Every deployed entry point, loaded as Lambda loads it: module scope runs with the environment of test/setup-env.ts. */
const ENTRY_POINTS: Record<FixtureTrigger, () => Promise<(event: unknown, context: Context) => Promise<unknown>>> = {
  PreSignUp: async () => (await import('@functions/pre-sign-up/handler')).handler as never,
  CustomMessage: async () => (await import('@functions/custom-message/handler')).handler as never,
  UserMigration: async () => (await import('@functions/user-migration/handler')).handler as never,
  PostConfirmation: async () => (await import('@functions/post-confirmation/handler')).handler as never,
};

const TRIGGERS = Object.keys(ENTRY_POINTS) as FixtureTrigger[];

describe.each(TRIGGERS)('the %s entry point', (trigger) => {
  const foreignSources = FIXTURE_SOURCES.filter(
    (source) => !(FIXTURES_BY_TRIGGER[trigger] as readonly string[]).includes(source),
  );

  it.each(foreignSources)('answers a %s event with an error naming the sources it handles', async (source) => {
    const handler = await ENTRY_POINTS[trigger]();

    await expect(handler(loadFixture(source), lambdaContext())).rejects.toThrow(
      `Invalid ${trigger} event: this function handles ${FIXTURES_BY_TRIGGER[trigger].join(', ')}; got triggerSource "${source}".`,
    );
  });

  it.each([
    ['null', null, `Invalid ${trigger} event: expected an object, got null.`],
    ['a string', 'PreSignUp_SignUp', `Invalid ${trigger} event: expected an object, got string.`],
    ['an empty object', {}, `Invalid ${trigger} event: this function handles`],
  ])('answers %s with a clear error', async (_label, input, message) => {
    const handler = await ENTRY_POINTS[trigger]();

    await expect(handler(input, lambdaContext())).rejects.toThrow(message);
  });

  it('answers an event without a request with an error naming the field', async () => {
    const handler = await ENTRY_POINTS[trigger]();
    const event = loadFixture(FIXTURES_BY_TRIGGER[trigger][0]) as unknown as Record<string, unknown>;
    delete event.request;

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      `Invalid ${trigger} event: request must be an object.`,
    );
  });
});

describe.each(['PreSignUp', 'CustomMessage', 'PostConfirmation'] as const)('the %s entry point', (trigger) => {
  it('answers an event without userAttributes with an error naming the field', async () => {
    const handler = await ENTRY_POINTS[trigger]();
    const event = loadFixture(FIXTURES_BY_TRIGGER[trigger][0]);
    delete (event.request as Partial<typeof event.request>).userAttributes;

    await expect(handler(event, lambdaContext())).rejects.toThrow(
      `Invalid ${trigger} event: request.userAttributes must be an object.`,
    );
  });
});
