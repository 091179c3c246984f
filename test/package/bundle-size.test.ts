import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';
import { inputsOf, outputBytes, outputsLoadedAtStart } from '@scripts/bench/bundle-outputs';
import { packageOf } from '@scripts/bench/metafile';
import {
  type BuiltBundle,
  buildProductionBundle,
  type DeployedFunction,
  deployedFunctions,
  PROJECT_ROOT,
} from '@scripts/bench/production-build';
import { readZip } from '@scripts/bench/zip';
import { type PackagedStack, packageStack } from '@test/helpers/serverless-cli';

/**
 * Bytes each function's minified JavaScript (its entry and every chunk) may have, from its declaration
 * (`bundleBudgetBytes`). A dependency that bloats a function fails here; raise a budget only on purpose, after
 * `npm run bench -- --why <function>` shows what grew.
 */
const BUNDLE_BUDGETS: Readonly<Record<string, number>> = Object.fromEntries(
  DEPLOYED_FUNCTIONS.map(({ name, bundleBudgetBytes }) => [name, bundleBudgetBytes]),
);

/** Packages that only tests and builds use, besides the project's devDependencies: their scoped helpers. */
const TOOLING_PACKAGES =
  /^(?:@jest\/|jest-|@esbuild\/|@swc\/|@serverless\/|@aws-cdk\/|@sinonjs\/|sinon$|expect$|typescript$)/;
/** Project folders whose files never belong in a function. */
const NON_RUNTIME_FOLDERS = ['test', 'scripts'];

function devOnlyPackages(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  return new Set(Object.keys(manifest.devDependencies ?? {}));
}

/** The inputs of `bundle` that come from a test or build tool, or from the project's tests and scripts. */
function toolingInputs(bundle: BuiltBundle): string[] {
  const devOnly = devOnlyPackages();
  return inputsOf(bundle).filter((path) => {
    const name = packageOf(path);
    return devOnly.has(name) || TOOLING_PACKAGES.test(name) || NON_RUNTIME_FOLDERS.includes(name);
  });
}

/** Why `bytes` breaks `name`'s budget, or `undefined` when it fits. */
function overBudget(name: string, bytes: number): string | undefined {
  const budget = BUNDLE_BUDGETS[name];
  if (budget === undefined) return `${name} is not a registered function (functions/registry.ts)`;
  return bytes <= budget
    ? undefined
    : `${name}: bundle is ${bytes.toLocaleString('en-US')} bytes, over its budget of ${budget.toLocaleString('en-US')} bytes ` +
        `(see what it contains with: npm run bench -- --why ${name})`;
}

describe('the production bundles', () => {
  const functions: DeployedFunction[] = deployedFunctions();
  const bundles = new Map<string, BuiltBundle>();

  beforeAll(async () => {
    for (const deployed of functions) bundles.set(deployed.name, await buildProductionBundle(deployed.entry));
  }, 60_000);

  const built = (name: string): BuiltBundle => {
    const bundle = bundles.get(name);
    if (bundle === undefined) throw new Error(`No bundle was built for ${name}.`);
    return bundle;
  };

  it.each(Object.keys(BUNDLE_BUDGETS))('%s stays within its size budget', (name) => {
    expect(overBudget(name, outputBytes(built(name)))).toBeUndefined();
  });

  // AWS clients are made on the path that calls them (shared/aws/): a cold start that calls no AWS service never
  // parses the SDK, which code splitting keeps in the chunks behind their import().
  it.each(Object.keys(BUNDLE_BUDGETS))('%s loads no AWS SDK module at start', (name) => {
    const atStart = inputsOf(built(name), outputsLoadedAtStart(built(name)));

    expect(atStart.filter((input) => /node_modules\/@(aws-sdk|smithy|aws-crypto)\//.test(input))).toEqual([]);
  });

  // An ES module has no `require`: esbuild's stand-in for a `require` it could not resolve at build time throws
  // "Dynamic require of … is not supported" when it runs, so no bundle may contain one.
  it.each(Object.keys(BUNDLE_BUDGETS))('%s needs no require() at run time', (name) => {
    const withRequire = built(name)
      .files.filter((file) => file.path.endsWith('.js'))
      .filter((file) => Buffer.from(file.contents).includes('Dynamic require of'));

    expect(withRequire.map((file) => file.path)).toEqual([]);
  });

  it.each(Object.keys(BUNDLE_BUDGETS))('%s contains nothing that only tests or builds use', (name) => {
    expect(toolingInputs(built(name))).toEqual([]);
  });

  it('reports a function over its budget by name, size and budget', () => {
    expect(overBudget('customMessage', 90_000)).toBe(
      'customMessage: bundle is 90,000 bytes, over its budget of 80,000 bytes (see what it contains with: npm run bench -- --why customMessage)',
    );
  });

  it('recognises inputs from test and build tools and from the tests and scripts folders', () => {
    const inputs = [
      'node_modules/fast-check/lib/fast-check.js',
      'node_modules/@jest/expect-utils/build/index.js',
      'node_modules/aws-sdk-client-mock/dist/cjs/index.js',
      'test/helpers/fixtures.ts',
      'scripts/bench/stats.ts',
      'node_modules/eta/dist/index.mjs',
      'shared/logger.ts',
    ];
    const bundle: BuiltBundle = {
      files: [],
      output: 'out.js',
      metafile: {
        inputs: {},
        outputs: {
          'out.js': {
            bytes: 0,
            imports: [],
            exports: [],
            inputs: Object.fromEntries(inputs.map((path) => [path, { bytesInOutput: 1 }])),
          },
        },
      },
    };

    expect(toolingInputs(bundle)).toEqual(inputs.slice(0, 5));
  });

  describe('against serverless package', () => {
    let stack: PackagedStack;

    beforeAll(async () => {
      stack = await packageStack('bundle-size');
    }, 120_000);

    afterAll(async () => {
      await stack?.remove();
    });

    it('holds one package per registered function, and no other', () => {
      const zips = readdirSync(stack.dir).filter((file) => file.endsWith('.zip'));

      expect(zips.sort()).toEqual(DEPLOYED_FUNCTIONS.map(({ name }) => `${name}.zip`).sort());
    });

    it.each(Object.keys(BUNDLE_BUDGETS))(
      '%s: the build the budgets measure is byte for byte the packaged one, and the zip holds nothing else',
      (name) => {
        const folder = `functions/${folderOf(name)}/`;
        const packaged = readZip(join(stack.dir, `${name}.zip`));
        const expected = new Map(built(name).files.map((file) => [folder + file.path, Buffer.from(file.contents)]));

        expect([...packaged.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [path, contents] of expected) expect(packaged.get(path)?.equals(contents)).toBe(true);
      },
    );
  });
});
