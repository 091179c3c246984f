import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { handlerModuleOf } from '@resources/service/function-declaration';
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

/** A built bundle: the JavaScript file as deployed, its source map, and esbuild's description of what went into it. */
export interface BuiltBundle {
  readonly code: Uint8Array;
  readonly sourceMap: Uint8Array | undefined;
  readonly metafile: Metafile;
  /** Key of the JavaScript output in `metafile.outputs`. */
  readonly output: string;
}

interface ServerlessFile {
  custom?: { esbuild?: Record<string, unknown> };
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
 * without serverless-esbuild's own settings, and its `exclude` list (default `aws-sdk`) as externals.
 */
export function productionBuildOptions(): BuildOptions {
  const custom = readServerlessFile().custom?.esbuild ?? {};
  const options = Object.fromEntries(
    Object.entries(custom).filter(([key]) => !PLUGIN_ONLY_OPTIONS.has(key)),
  ) as BuildOptions;
  const exclude = custom.exclude === undefined ? DEFAULT_EXCLUDE : stringList(custom.exclude);
  return { ...options, external: [...stringList(custom.external), ...(exclude.includes('*') ? [] : exclude)] };
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
 * Builds `entry` (relative to the project) in memory with the production options and a metafile. The output
 * folder mirrors serverless-esbuild's, so the JavaScript is byte for byte what `serverless package` ships.
 */
export async function buildProductionBundle(entry: string, plugins: Plugin[] = []): Promise<BuiltBundle> {
  const outdir = join(PROJECT_ROOT, '.esbuild', 'bench', '.build', entry.slice(0, entry.lastIndexOf('/')));
  const result = await build({
    ...productionBuildOptions(),
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outdir,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins,
  });
  const file = result.outputFiles.find((candidate) => candidate.path.endsWith('.js'));
  const sourceMap = result.outputFiles.find((candidate) => candidate.path.endsWith('.js.map'));
  const output = Object.keys(result.metafile.outputs).find((key) => key.endsWith('.js'));
  if (file === undefined || output === undefined) throw new Error(`esbuild produced no JavaScript for ${entry}.`);
  return { code: file.contents, sourceMap: sourceMap?.contents, metafile: result.metafile, output };
}

/**
 * Writes `bundle` into `dir` under its output name, with its source map next to it as a package has it (the
 * bundle's `sourceMappingURL` names the map); returns the bundle's path.
 */
export function writeBundle(bundle: BuiltBundle, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, basename(bundle.output));
  writeFileSync(file, bundle.code);
  if (bundle.sourceMap !== undefined) writeFileSync(`${file}.map`, bundle.sourceMap);
  return file;
}
