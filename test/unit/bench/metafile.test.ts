import { bundleContents, packageOf } from '@scripts/bench/metafile';
import type { Metafile } from 'esbuild';

/** A bundle of one function file, two shared files, one package and the SDK with a nested @smithy/core. */
const METAFILE: Metafile = {
  inputs: {},
  outputs: {
    'out/handler.js': {
      bytes: 1_000,
      imports: [],
      exports: ['handler'],
      entryPoint: 'functions/f/handler.ts',
      inputs: {
        'functions/f/handler.ts': { bytesInOutput: 100 },
        'shared/logger.ts': { bytesInOutput: 40 },
        'shared/text.ts': { bytesInOutput: 10 },
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

describe('bundleContents', () => {
  it('groups output bytes by package, largest first', () => {
    const contents = bundleContents(METAFILE, 'out/handler.js');

    expect(contents.totalBytes).toBe(1_000);
    expect(contents.packages).toEqual([
      { name: '@aws-sdk/client-ses', bytes: 400, files: 1 },
      { name: '@smithy/core', bytes: 250, files: 1 },
      { name: 'eta', bytes: 200, files: 1 },
      { name: 'functions/f', bytes: 100, files: 1 },
      { name: 'shared', bytes: 50, files: 2 },
    ]);
  });

  it('lists the input files by their bytes in the output, largest first', () => {
    expect(bundleContents(METAFILE, 'out/handler.js').inputs.map((input) => input.bytes)).toEqual([
      400, 250, 200, 100, 40, 10,
    ]);
  });

  it('names the output when it is not in the metafile', () => {
    expect(() => bundleContents(METAFILE, 'out/other.js')).toThrow('Metafile has no output out/other.js.');
  });
});
