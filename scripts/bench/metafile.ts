import type { Metafile } from 'esbuild';

/** Bytes one package (or project folder) contributes to a bundle. */
export interface PackageShare {
  /** npm package name (`@aws-sdk/client-ses`), or the project folder (`functions/pre-sign-up`, `shared`). */
  readonly name: string;
  /** Bytes of the minified output that come from this package's files. */
  readonly bytes: number;
  /** How many of its files are in the bundle. */
  readonly files: number;
  /** How many of those files run when the bundle is loaded (the rest run on first use, if ever). */
  readonly filesAtInit: number;
}

/** One input file of a bundle and its bytes in the output. */
export interface InputShare {
  readonly path: string;
  readonly bytes: number;
  readonly atInit: boolean;
}

/** What a bundle contains, from esbuild's metafile. */
export interface BundleContents {
  readonly totalBytes: number;
  /** Packages by bytes, largest first. */
  readonly packages: PackageShare[];
  /** Input files by bytes, largest first. */
  readonly inputs: InputShare[];
}

const NODE_MODULES = 'node_modules/';
/** Import kinds that do not evaluate the imported module when the importer is evaluated. */
const DEFERRED_IMPORT_KINDS = new Set(['dynamic-import', 'require-resolve', 'import-rule', 'url-token']);

/**
 * The package an input path belongs to: the npm package after the last `node_modules/`, else the project
 * folder (two levels under `functions/`, one level otherwise, e.g. `shared`).
 */
export function packageOf(path: string): string {
  const index = path.lastIndexOf(NODE_MODULES);
  if (index >= 0) {
    const parts = path.slice(index + NODE_MODULES.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? path);
  }
  const parts = path.split('/');
  return parts[0] === 'functions' && parts.length > 2 ? `functions/${parts[1] ?? ''}` : (parts[0] ?? path);
}

/**
 * The inputs that are evaluated when the bundle is loaded: everything reachable from the entry point through
 * static imports and `require` calls. Modules reached only through a dynamic `import()` are bundled but run
 * on first use. A `require` inside a function body counts as static, so the set is an upper bound.
 */
export function inputsEvaluatedAtInit(metafile: Metafile, output: string): Set<string> {
  const entry = metafile.outputs[output]?.entryPoint;
  if (entry === undefined) throw new Error(`Metafile output ${output} has no entry point.`);
  const reached = new Set<string>([entry]);
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.external || DEFERRED_IMPORT_KINDS.has(imported.kind) || reached.has(imported.path)) continue;
      reached.add(imported.path);
      pending.push(imported.path);
    }
  }
  return reached;
}

/** Breaks a bundle down by package and by input file, marking what runs at load time. */
export function bundleContents(metafile: Metafile, output: string): BundleContents {
  const bundle = metafile.outputs[output];
  if (bundle === undefined) throw new Error(`Metafile has no output ${output}.`);
  const atInit = inputsEvaluatedAtInit(metafile, output);
  const inputs = Object.entries(bundle.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput, atInit: atInit.has(path) }))
    .sort((a, b) => b.bytes - a.bytes);
  const packages = new Map<string, { name: string; bytes: number; files: number; filesAtInit: number }>();
  for (const input of inputs) {
    const name = packageOf(input.path);
    const share = packages.get(name) ?? { name, bytes: 0, files: 0, filesAtInit: 0 };
    share.bytes += input.bytes;
    share.files += 1;
    share.filesAtInit += input.atInit ? 1 : 0;
    packages.set(name, share);
  }
  return { totalBytes: bundle.bytes, packages: [...packages.values()].sort((a, b) => b.bytes - a.bytes), inputs };
}

/** Whether `name` is one of the AWS SDK v3 packages or their runtime (`@aws-sdk/*`, `@smithy/*`, `@aws-crypto/*`). */
export function isAwsSdkPackage(name: string): boolean {
  return /^@(aws-sdk|smithy|aws-crypto)\//.test(name);
}
