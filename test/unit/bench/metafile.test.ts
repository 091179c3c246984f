import { bundleContents, inputsEvaluatedAtInit, isAwsSdkPackage, packageOf } from '@scripts/bench/metafile';
import type { Metafile } from 'esbuild';

/** entry → shared (static) → eta (static); entry ⇢ SDK (dynamic import) → @smithy/core (static). */
const METAFILE: Metafile = {
  inputs: {
    'functions/f/handler.ts': {
      bytes: 10,
      imports: [
        { path: 'shared/logger.ts', kind: 'import-statement' },
        { path: 'node_modules/@aws-sdk/client-ses/dist-cjs/index.js', kind: 'dynamic-import' },
        { path: 'node:fs', kind: 'require-call', external: true },
      ],
    },
    'shared/logger.ts': { bytes: 10, imports: [{ path: 'node_modules/eta/dist/index.mjs', kind: 'import-statement' }] },
    'node_modules/eta/dist/index.mjs': { bytes: 10, imports: [] },
    'node_modules/@aws-sdk/client-ses/dist-cjs/index.js': {
      bytes: 10,
      imports: [
        { path: 'node_modules/@aws-sdk/core/node_modules/@smithy/core/dist-cjs/index.js', kind: 'require-call' },
      ],
    },
    'node_modules/@aws-sdk/core/node_modules/@smithy/core/dist-cjs/index.js': { bytes: 10, imports: [] },
  },
  outputs: {
    'out/handler.js': {
      bytes: 1_000,
      imports: [],
      exports: ['handler'],
      entryPoint: 'functions/f/handler.ts',
      inputs: {
        'functions/f/handler.ts': { bytesInOutput: 100 },
        'shared/logger.ts': { bytesInOutput: 50 },
        'node_modules/eta/dist/index.mjs': { bytesInOutput: 200 },
        'node_modules/@aws-sdk/client-ses/dist-cjs/index.js': { bytesInOutput: 400 },
        'node_modules/@aws-sdk/core/node_modules/@smithy/core/dist-cjs/index.js': { bytesInOutput: 250 },
      },
    },
  },
};

describe('packageOf', () => {
  it.each([
    ['node_modules/eta/dist/index.mjs', 'eta'],
    ['node_modules/@aws-sdk/client-ses/dist-cjs/index.js', '@aws-sdk/client-ses'],
    ['node_modules/@aws-sdk/core/node_modules/@smithy/core/dist-cjs/index.js', '@smithy/core'],
    ['functions/pre-sign-up/steps/index.ts', 'functions/pre-sign-up'],
    ['shared/aws/client-options.ts', 'shared'],
  ])('%s belongs to %s', (path, name) => {
    expect(packageOf(path)).toBe(name);
  });
});

describe('inputsEvaluatedAtInit', () => {
  it('follows static imports and requires from the entry, not dynamic imports or externals', () => {
    expect([...inputsEvaluatedAtInit(METAFILE, 'out/handler.js')].sort()).toEqual([
      'functions/f/handler.ts',
      'node_modules/eta/dist/index.mjs',
      'shared/logger.ts',
    ]);
  });

  it('names the output when it is not in the metafile', () => {
    expect(() => inputsEvaluatedAtInit(METAFILE, 'out/other.js')).toThrow(
      'Metafile output out/other.js has no entry point.',
    );
  });
});

describe('bundleContents', () => {
  it('groups output bytes by package, largest first, with the files that run at load', () => {
    const contents = bundleContents(METAFILE, 'out/handler.js');

    expect(contents.totalBytes).toBe(1_000);
    expect(contents.packages).toEqual([
      { name: '@aws-sdk/client-ses', bytes: 400, files: 1, filesAtInit: 0 },
      { name: '@smithy/core', bytes: 250, files: 1, filesAtInit: 0 },
      { name: 'eta', bytes: 200, files: 1, filesAtInit: 1 },
      { name: 'functions/f', bytes: 100, files: 1, filesAtInit: 1 },
      { name: 'shared', bytes: 50, files: 1, filesAtInit: 1 },
    ]);
  });
});

describe('isAwsSdkPackage', () => {
  it.each([
    ['@aws-sdk/client-ses', true],
    ['@smithy/core', true],
    ['@aws-crypto/sha256-js', true],
    ['eta', false],
    ['@middy/core', false],
  ])('%s: %s', (name, expected) => {
    expect(isAwsSdkPackage(name)).toBe(expected);
  });
});
