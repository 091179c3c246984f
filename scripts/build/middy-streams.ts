import type { Plugin } from 'esbuild';

/** Where middy's core module lives in the build's inputs. */
const MIDDY_CORE = /[/\\]node_modules[/\\]@middy[/\\]core[/\\]/;
const NAMESPACE = 'middy-streams';

/**
 * What @middy/core takes from Node's stream modules, each loaded when first used. middy needs them only to stream a
 * response (`streamifyResponse`), which a Cognito trigger never does, yet its static imports load `node:stream/web`
 * and its neighbours at every cold start: about a millisecond once Lambda's runtime has loaded `node:http`
 * (BENCHMARKS.md). `process.getBuiltinModule` (Node ≥ 20.16) loads a built-in module synchronously.
 */
export const LAZY_STREAMS: Readonly<Record<string, string>> = {
  'node:stream': [
    'export const Readable = {',
    "  from: (...args) => process.getBuiltinModule('node:stream').Readable.from(...args),",
    '};',
  ].join('\n'),
  'node:stream/promises': [
    "export const pipeline = (...args) => process.getBuiltinModule('node:stream/promises').pipeline(...args);",
  ].join('\n'),
  'node:stream/web': [
    'export class ReadableStream {',
    '  static [Symbol.hasInstance](value) {',
    "    return value instanceof process.getBuiltinModule('node:stream/web').ReadableStream;",
    '  }',
    '}',
  ].join('\n'),
};

/**
 * An esbuild plugin that gives @middy/core, and only it, the lazy stream modules of {@link LAZY_STREAMS} in place of
 * Node's. Should a later middy take something else from them, the build fails naming the missing export.
 */
export const lazyMiddyStreams: Plugin = {
  name: 'lazy-middy-streams',
  setup(build) {
    build.onResolve({ filter: /^node:stream(\/promises|\/web)?$/ }, ({ path, importer }) =>
      MIDDY_CORE.test(importer) ? { path, namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({
      contents: LAZY_STREAMS[path],
      loader: 'js',
    }));
  },
};
