import { bundleContents } from './metafile';
import { buildProductionBundle, deployedFunction } from './production-build';
import { bytes, formatTable } from './table';

const LARGEST_INPUTS = 15;

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`;

/**
 * What the bundle of function `name` contains, from esbuild's metafile of a build with the production
 * options: bytes per package (largest first) with how many of its files run at load, then the largest files.
 */
export async function explainBundle(name: string): Promise<string> {
  const deployed = deployedFunction(name);
  const built = await buildProductionBundle(deployed.entry);
  const contents = bundleContents(built.metafile, built.output);
  const packages = formatTable(
    ['package', 'bytes', 'share', 'files', 'run at load'],
    contents.packages.map((share) => [
      share.name,
      bytes(share.bytes),
      percent(share.bytes, contents.totalBytes),
      String(share.files),
      share.filesAtInit === 0
        ? 'no (deferred)'
        : share.filesAtInit === share.files
          ? 'yes'
          : `${share.filesAtInit} of ${share.files}`,
    ]),
  );
  const inputs = formatTable(
    ['file', 'bytes', 'runs at load'],
    contents.inputs
      .slice(0, LARGEST_INPUTS)
      .map((input) => [input.path, bytes(input.bytes), input.atInit ? 'yes' : 'no']),
  );
  return [
    `${name} (${deployed.entry}): ${bytes(contents.totalBytes)} bytes minified.`,
    '"Run at load" follows the static import graph from the entry; code behind a dynamic import() runs on first use,',
    'but is still parsed when the bundle loads, since it is in the same file.',
    '',
    packages,
    '',
    `Largest ${LARGEST_INPUTS} files:`,
    inputs,
  ].join('\n');
}
