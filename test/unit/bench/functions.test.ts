import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '@functions/registry';
import { BENCHED_FUNCTIONS, functionUnderBench } from '@scripts/bench/functions';
import { type BenchedFunction, pathEvent, responseWith } from '@scripts/bench/functions/benched-function';
import { deployedFunctions, PROJECT_ROOT } from '@scripts/bench/production-build';
import { createFlowHandler } from '@shared/handler';
import { isFixtureSource, loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';

const entries = Object.keys(BENCHED_FUNCTIONS).map((name) => [name, functionUnderBench(name)] as const);
const paths = entries.flatMap(([name, { trigger, benched }]) =>
  Object.entries(benched.paths).map(([pathName, path]) => ({ id: `${name}/${pathName}`, trigger, path })),
);

describe('the bench entries', () => {
  it('exercise every registered function, and no function that is gone', () => {
    expect(Object.keys(BENCHED_FUNCTIONS).sort()).toEqual(FUNCTIONS.map(({ name }) => name).sort());
  });

  it('say what is missing for a function the bench does not know', () => {
    expect(() => functionUnderBench('noSuchFunction')).toThrow(
      'No function "noSuchFunction" in functions/registry.ts.',
    );
    expect(() =>
      functionUnderBench('preSignUp', { customMessage: BENCHED_FUNCTIONS.customMessage as BenchedFunction }),
    ).toThrow(
      'The bench does not exercise function "preSignUp": add scripts/bench/functions/<function>.ts and list it in BENCHED_FUNCTIONS (it has customMessage).',
    );
  });

  it.each(paths)('$id starts from a fixture of its own trigger', ({ trigger, path }) => {
    expect(trigger.sources).toContain(path.fixture);
    expect(isFixtureSource(path.fixture)).toBe(true);
  });

  it.each(paths.filter(({ path }) => path.floor !== undefined))('$id has its floor file', ({ path }) => {
    expect(existsSync(join(PROJECT_ROOT, 'scripts', 'bench', 'floors', `${path.floor}.ts`))).toBe(true);
  });

  it.each(paths)('$id gives every run an event of its fixture', ({ path }) => {
    expect([pathEvent(path, 0).triggerSource, pathEvent(path, 1).triggerSource]).toEqual([path.fixture, path.fixture]);
  });

  it.each(entries)(
    '%s: the warm handler and the plumbing return on every fixture of the trigger, over in-memory dependencies',
    async (name, { trigger, benched }) => {
      const entry = deployedFunctions().find((fn) => fn.name === name)?.entry ?? '';
      const bundle: unknown = await import(join(PROJECT_ROOT, entry));
      const config = benched.loadConfig(process.env);
      const handlers = [benched.warmHandler(bundle, config), createFlowHandler(trigger, [], config, {})];
      const sources = trigger.sources.filter(isFixtureSource);

      expect(sources.length).toBeGreaterThan(0);
      for (const handler of handlers) {
        for (const source of sources) {
          await expect(handler(loadFixture(source), lambdaContext())).resolves.toMatchObject({ triggerSource: source });
        }
      }
    },
  );
});

describe('responseWith', () => {
  const check = responseWith('finalUserStatus', 'CONFIRMED', (value) => value === 'CONFIRMED');

  it('passes a response whose field passes the test', () => {
    expect(check({ finalUserStatus: 'CONFIRMED' })).toBeUndefined();
  });

  it('says what the field holds and what the path wants', () => {
    expect(check({ finalUserStatus: null })).toBe('response.finalUserStatus is null, not CONFIRMED');
  });
});
