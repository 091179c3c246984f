import type { Metafile } from 'esbuild';

/** Bytes one package (or project folder) contributes to a bundle. */
export interface PackageShare {
  /** npm package name (`@aws-sdk/client-ses`), or the project folder (`functions/pre-sign-up`, `shared`). */
  readonly name: string;
  /** Bytes of the minified output that come from this package's files. */
  readonly bytes: number;
  /** How many of its files are in the bundle. */
  readonly files: number;
}

/** What a bundle (or some of its outputs) contains, from esbuild's metafile. */
export interface BundleContents {
  readonly totalBytes: number;
  /** Packages by bytes, largest first. */
  readonly packages: readonly PackageShare[];
  /** Input files and their bytes in the output, largest first. */
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
}

const NODE_MODULES = 'node_modules/';

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

/** Breaks the outputs `outputs` of `metafile` (one key, or several: an entry and its chunks) down by package and file. */
export function bundleContents(metafile: Metafile, outputs: string | readonly string[]): BundleContents {
  const keys = typeof outputs === 'string' ? [outputs] : outputs;
  const bundles = keys.map((key) => {
    const bundle = metafile.outputs[key];
    if (bundle === undefined) throw new Error(`Metafile has no output ${key}.`);
    return bundle;
  });
  const inputs = bundles
    .flatMap((bundle) =>
      Object.entries(bundle.inputs).map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput })),
    )
    .sort((a, b) => b.bytes - a.bytes);
  const packages = new Map<string, { name: string; bytes: number; files: number }>();
  for (const input of inputs) {
    const name = packageOf(input.path);
    const share = packages.get(name) ?? { name, bytes: 0, files: 0 };
    share.bytes += input.bytes;
    share.files += 1;
    packages.set(name, share);
  }
  return {
    totalBytes: bundles.reduce((sum, bundle) => sum + bundle.bytes, 0),
    packages: [...packages.values()].sort((a, b) => b.bytes - a.bytes),
    inputs,
  };
}
