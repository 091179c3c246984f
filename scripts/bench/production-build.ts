import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { handlerModuleOf } from '@resources/service/function-declaration';
import { BUILD_PLUGINS } from '@scripts/build/plugins';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { load } from 'js-yaml';

/** The project folder: serverless.yml, functions/, shared/. */
export const PROJECT_ROOT = join(__dirname, '..', '..');

/** A function as serverless.yml declares it, with the files its bundle is built from and shipped as. */
export interface DeployedFunction {
  /** The function's key in serverless.yml, e.g. `preSignUp`; also the name of its package zip. */
  readonly name: string;
  /** Entry file relative to the project, e.g. `functions/pre-sign-up/handler.ts`. */
  readonly entry: string;
  /** Path of the bundle inside the package zip, e.g. `functions/pre-sign-up/handler.js`. */
  readonly bundlePath: string;
}

/** One file of a build, by its path in the function's folder: `handler.js`, `chunk-X.js`, `handler.js.map`. */
export interface BuiltFile {
  readonly path: string;
  readonly contents: Uint8Array;
}

/**
 * A built bundle: the files of its folder as deployed (the entry, the chunks code splitting makes, their source
 * maps, the ES module manifest), and esbuild's description of what went into them.
 */
export interface BuiltBundle {
  readonly files: readonly BuiltFile[];
  readonly metafile: Metafile;
  /** Key of the entry's JavaScript output in `metafile.outputs`. */
  readonly output: string;
}

interface ServerlessFile {
  custom?: { esbuild?: Record<string, unknown> };
}

/** What serverless.yml's `custom.esbuild.plugins` names: the file that gives serverless-esbuild {@link BUILD_PLUGINS}. */
const PLUGINS_FILE = './scripts/build/esbuild-plugins.js';

/**
 * The plugins of serverless.yml's `custom.esbuild.plugins`, taken from their TypeScript module rather than through
 * the file serverless-esbuild loads: that file compiles them outside jest's module registry, where the esbuild the
 * tests load would refuse their filters as not its realm's regular expressions. The package tests prove the two
 * builds the same, byte for byte.
 */
function pluginsOf(custom: Record<string, unknown>): Plugin[] {
  if (custom.plugins === undefined) return [];
  if (custom.plugins !== PLUGINS_FILE) {
    throw new Error(`serverless.yml's custom.esbuild.plugins is ${String(custom.plugins)}, not ${PLUGINS_FILE}.`);
  }
  return [...BUILD_PLUGINS];
}

/**
 * Options serverless-esbuild consumes itself and removes before calling esbuild (its `bundle.ts`); everything
 * else under `custom.esbuild` is passed to esbuild unchanged.
 */
const PLUGIN_ONLY_OPTIONS = new Set([
  'concurrency',
  'zipConcurrency',
  'exclude',
  'nativeZip',
  'packager',
  'packagePath',
  'watch',
  'keepOutputDirectory',
  'packagerOptions',
  'installExtraArgs',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
]);

/** serverless-esbuild's default `exclude`, which it turns into esbuild `external`s. */
const DEFAULT_EXCLUDE = ['aws-sdk'];
const ENTRY_EXTENSIONS = ['.ts', '.js'];

function readServerlessFile(): ServerlessFile {
  return load(readFileSync(join(PROJECT_ROOT, 'serverless.yml'), 'utf8')) as ServerlessFile;
}

function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === 'string');
}

/**
 * The esbuild options `serverless package` builds every function with: serverless.yml's `custom.esbuild`
 * without serverless-esbuild's own settings, its `exclude` list (default `aws-sdk`) as externals, and the plugins
 * its `plugins` file gives.
 */
export function productionBuildOptions(): BuildOptions {
  const custom = readServerlessFile().custom?.esbuild ?? {};
  const options = Object.fromEntries(
    Object.entries(custom).filter(([key]) => !PLUGIN_ONLY_OPTIONS.has(key)),
  ) as BuildOptions;
  const exclude = custom.exclude === undefined ? DEFAULT_EXCLUDE : stringList(custom.exclude);
  return {
    ...options,
    external: [...stringList(custom.external), ...(exclude.includes('*') ? [] : exclude)],
    plugins: pluginsOf(custom),
  };
}

/** The functions serverless.yml deploys (those of functions/registry.ts), in its order, with their entry files. */
export function deployedFunctions(): DeployedFunction[] {
  return DEPLOYED_FUNCTIONS.map(({ name }) => {
    const module = handlerModuleOf(name);
    const extension = ENTRY_EXTENSIONS.find((candidate) => existsSync(join(PROJECT_ROOT, module + candidate)));
    if (extension === undefined) throw new Error(`No entry file for ${name} (${module}.ts).`);
    return { name, entry: module + extension, bundlePath: `${module}.js` };
  });
}

/** The function named `name` in serverless.yml; the error lists the names there are. */
export function deployedFunction(name: string): DeployedFunction {
  const functions = deployedFunctions();
  const found = functions.find((candidate) => candidate.name === name);
  if (found === undefined) {
    throw new Error(
      `No function "${name}" in serverless.yml; there are ${functions.map((item) => item.name).join(', ')}.`,
    );
  }
  return found;
}

/**
 * Builds `entry` (relative to the project) in memory with the production options and a metafile; `variant`
 * overrides options, and its plugins run after the production ones, less those named in `withoutPlugins`. The
 * output folder mirrors serverless-esbuild's, so the production build is byte for byte what `serverless package`
 * ships.
 */
export async function buildProductionBundle(
  entry: string,
  variant: BuildOptions = {},
  withoutPlugins: readonly string[] = [],
): Promise<BuiltBundle> {
  const outdir = join(PROJECT_ROOT, '.esbuild', 'bench', '.build', dirname(entry));
  const production = productionBuildOptions();
  const options = {
    ...production,
    plugins: (production.plugins ?? []).filter((plugin) => !withoutPlugins.includes(plugin.name)),
  };
  const result = await build({
    ...options,
    ...variant,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outdir,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [...(options.plugins ?? []), ...(variant.plugins ?? [])],
  });
  const entryName = entry.slice(entry.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '.js');
  const output = Object.keys(result.metafile.outputs).find(
    (key) => key === join(relative(PROJECT_ROOT, outdir), entryName),
  );
  if (output === undefined) throw new Error(`esbuild produced no JavaScript for ${entry}.`);
  const files = result.outputFiles.map((file) => ({ path: relative(outdir, file.path), contents: file.contents }));
  return { files, metafile: result.metafile, output };
}

/** Writes the files of `bundle` into `dir`, as the function's folder in its zip holds them; returns the entry's path. */
export function writeBundle(bundle: BuiltBundle, dir: string): string {
  for (const file of bundle.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  return join(dir, bundle.output.slice(bundle.output.lastIndexOf('/') + 1));
}
