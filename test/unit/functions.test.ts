/*
 * What every registered function (functions/registry.ts) must be: a folder of the expected files, a flow whose
 * step list holds every step file, a configuration that reads exactly the variables its declaration gives it,
 * under the same names, checks the parameters it reads by the rules they are declared with, and names its parts
 * and its test support by the conventions of docs/extending.md ("Names").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEPLOYED_FUNCTIONS, FUNCTIONS, type RegisteredFunction } from '@functions/registry';
import { parameterNamed } from '@resources/parameters/catalog';
import {
  COMMON_PARAMETERS,
  folderOf,
  logicalIdOf,
  tableIdOf,
  variableOf,
} from '@resources/service/function-declaration';
import { LAMBDA_VARIABLES } from '@shared/config';
import { ConfigError } from '@shared/errors';
import type { Step } from '@shared/steps';
import { testSupportOf } from '@test/fuzz/fuzz-handlers';
import { deployedEnvironment } from '@test/helpers/function-environment';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '..', '..');
const FUNCTIONS_DIR = join(ROOT, 'functions');
/** What every function folder holds; see docs/extending.md, "Add a trigger". */
const FUNCTION_FILES = ['function.ts', 'trigger.ts', 'config.ts', 'handler.ts', join('steps', 'index.ts')];
/** Variables a configuration reads without a field of their own name, and why. */
const VARIABLES_WITHOUT_A_FIELD: Readonly<Record<string, string>> = {
  LEGACY_HASH_FORMAT: 'chooses the built-in legacyDummyHash when LEGACY_DUMMY_HASH is unset',
};

type ConfigLoader = (env: Readonly<Record<string, string | undefined>>) => object;

const cases = FUNCTIONS.map((declaration) => [declaration.name, declaration] as const);

/** The folder of `declaration`'s function, relative to functions/. */
const folder = (declaration: { name: string }) => folderOf(declaration.name);

/** The module `file` (without extension) of `declaration`'s folder. */
function functionModule(declaration: RegisteredFunction, file: string): Record<string, unknown> {
  return require(join(FUNCTIONS_DIR, folder(declaration), file)) as Record<string, unknown>;
}

/** `load<Function>Config` of the function's config.ts. */
function configLoader(declaration: RegisteredFunction): ConfigLoader {
  const name = `load${logicalIdOf(declaration.name)}Config`;
  const loader = functionModule(declaration, 'config')[name];
  if (typeof loader !== 'function') throw new Error(`functions/${folder(declaration)}/config.ts exports no ${name}.`);
  return loader as ConfigLoader;
}

/** The configuration of `env` and the variables reading it looked at. */
function loadRecording(declaration: RegisteredFunction, env: Record<string, string>) {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  return { config: configLoader(declaration)(recording), read };
}

/** Every key of `value`, at any depth. */
function keysOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...keysOf(item)]);
}

/** `SCREAMING_SNAKE_CASE` → `camelCase`. */
function camelCaseOf(variable: string): string {
  return variable.toLowerCase().replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function isStep(value: unknown): value is Step<never> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { run?: unknown }).run === 'function'
  );
}

describe('the functions folder', () => {
  it('holds a registered function in every folder, and nothing else besides the registry', () => {
    const entries = readdirSync(FUNCTIONS_DIR).filter((entry) => entry !== 'registry.ts');

    expect(entries.sort()).toEqual(DEPLOYED_FUNCTIONS.map(folder).sort());
  });
});

describe.each(cases)('the registered function %s', (_name, declaration) => {
  it('is named in camelCase, and handles a trigger no other registered function handles', () => {
    const others = FUNCTIONS.filter((candidate) => candidate !== declaration);

    expect(declaration.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(others.map((other) => other.trigger.trigger)).not.toContain(declaration.trigger.trigger);
  });

  it.each(FUNCTION_FILES)('has %s in its folder', (file) => {
    expect(statSync(join(FUNCTIONS_DIR, folder(declaration), file)).isFile()).toBe(true);
  });

  describe('its flow', () => {
    const stepsDir = join(FUNCTIONS_DIR, folder(declaration), 'steps');
    const stepFiles = readdirSync(stepsDir).filter((file) => file !== 'index.ts');
    const lists = Object.values(functionModule(declaration, join('steps', 'index'))).filter(Array.isArray);

    it('exports one step list from steps/index.ts', () => {
      expect(lists).toHaveLength(1);
    });

    it.each(stepFiles)('has %s in its step list: a file of steps/ exports one step, named after the file', (file) => {
      const steps = Object.values(functionModule(declaration, join('steps', basename(file, '.ts')))).filter(isStep);

      expect(steps.map((step) => step.name)).toEqual([basename(file, '.ts')]);
      expect(lists[0]).toContain(steps[0]);
    });

    it('lists each step once, and only steps of its steps/ folder', () => {
      const names = (lists[0] ?? []).map((step: unknown) => (isStep(step) ? step.name : String(step)));

      expect(names.sort()).toEqual(stepFiles.map((file) => basename(file, '.ts')).sort());
    });
  });

  describe('its configuration', () => {
    const environment = deployedEnvironment(declaration);
    const declared = Object.keys(environment);

    it('reads exactly the variables its declaration gives it, and those Lambda sets', () => {
      const { read } = loadRecording(declaration, environment);

      expect([...read].sort()).toEqual([...declared, ...LAMBDA_VARIABLES].sort());
    });

    it('keeps each setting under its own name: the camelCase of its variable, and of its parameter', () => {
      const { config } = loadRecording(declaration, environment);
      const keys = new Set(keysOf(config));

      const unnamed = declared.filter(
        (variable) => !keys.has(camelCaseOf(variable)) && VARIABLES_WITHOUT_A_FIELD[variable] === undefined,
      );
      expect(unnamed).toEqual([]);
    });

    const parameters = [...COMMON_PARAMETERS, ...declaration.parameters].map(parameterNamed);
    const cases = parameters.flatMap(({ name, rule }) => {
      switch (rule.kind) {
        case 'integer':
          return [
            [name, String(rule.min), true],
            [name, String(rule.max), true],
            [name, String(rule.min - 1), false],
            [name, String(rule.max + 1), false],
          ] as const;
        case 'oneOf':
          return [
            ...rule.values.map((value) => [name, value, true] as const),
            [name, 'not-one-of-them', false] as const,
          ];
        case 'boolean':
          return [
            [name, 'true', true],
            [name, 'false', true],
            [name, 'maybe', false],
          ] as const;
        default:
          return [];
      }
    });

    if (cases.length > 0) {
      it.each(cases)('checks %s by its declared rule: %p is accepted: %p', (name, value, accepted) => {
        const load = () => configLoader(declaration)({ ...environment, [variableOf(name)]: value });

        if (accepted) expect(load).not.toThrow();
        else expect(load).toThrow(new RegExp(`^${variableOf(name)} `));
        if (!accepted) expect(load).toThrow(ConfigError);
      });
    }
  });

  describe('its names', () => {
    const constant = variableOf(declaration.name);
    const pascal = logicalIdOf(declaration.name);

    it(`exports ${constant}_FUNCTION, ${constant} and ${constant}_STEPS: its declaration, trigger and steps`, () => {
      expect(functionModule(declaration, 'function')[`${constant}_FUNCTION`]).toBe(declaration);
      expect(functionModule(declaration, 'trigger')[constant]).toBe(declaration.trigger);
      expect(functionModule(declaration, join('steps', 'index'))[`${constant}_STEPS`]).toEqual(expect.any(Array));
    });

    it(`exports create${pascal}Handler, default${pascal}Dependencies and handler, and nothing else`, () => {
      const handlerModule = functionModule(declaration, 'handler');

      expect(Object.keys(handlerModule).sort()).toEqual(
        [`create${pascal}Handler`, `default${pascal}Dependencies`, 'handler'].sort(),
      );
      for (const value of Object.values(handlerModule)) expect(value).toEqual(expect.any(Function));
    });

    it('keeps the current time among its dependencies as now(): Date, and no other function', () => {
      const config = configLoader(declaration)(deployedEnvironment(declaration));
      const defaults = functionModule(declaration, 'handler')[`default${pascal}Dependencies`] as (c: object) => object;
      const dependencies = Object.entries(defaults(config));

      const functions = dependencies.filter(([, value]) => typeof value === 'function');
      expect(functions.map(([key]) => key)).toEqual(functions.length > 0 ? ['now'] : []);
      for (const [, now] of functions) expect((now as () => unknown)()).toBeInstanceOf(Date);
    });

    it(`has its test support in ${testSupportOf(declaration)}: TEST_ENV, testConfig(overrides) and testHandler(env)`, () => {
      const support = require(join(ROOT, testSupportOf(declaration))) as Record<string, unknown>;

      expect(support['TEST_ENV']).toEqual(expect.any(Object));
      expect(support['testConfig']).toEqual(expect.any(Function));
      expect(support['testHandler']).toEqual(expect.any(Function));
    });
  });

  const tables = Object.keys(declaration.tables ?? {});
  if (tables.length > 0) {
    it.each(tables)('uses the table %s of serverless.yml and resources/tables.yml', (key) => {
      const serverless = load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
        custom: { tables: Record<string, string> };
      };
      const tables = readFileSync(join(ROOT, 'resources', 'tables.yml'), 'utf8');

      expect(serverless.custom.tables).toHaveProperty(key);
      expect(tables).toContain(`\n  ${tableIdOf(key)}:\n`);
    });
  }
});
