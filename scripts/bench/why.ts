import { bundleContents } from './metafile';
import { buildProductionBundle, deployedFunction } from './production-build';
import { bytes, markdownTable } from './table';

const LARGEST_INPUTS = 15;

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`;

/**
 * What the bundle of function `name` contains, from esbuild's metafile of a build with the production options:
 * bytes per package, largest first, then the largest files. For finding what grew when a size budget fails.
 */
export async function explainBundle(name: string): Promise<string> {
  const deployed = deployedFunction(name);
  const built = await buildProductionBundle(deployed.entry);
  const contents = bundleContents(built.metafile, built.output);
  return [
    `${name} (${deployed.entry}): ${bytes(contents.totalBytes)} bytes minified.`,
    '',
    markdownTable(
      ['package', 'bytes', 'share', 'files'],
      contents.packages.map((share) => [
        share.name,
        bytes(share.bytes),
        percent(share.bytes, contents.totalBytes),
        String(share.files),
      ]),
    ),
    '',
    `Largest ${LARGEST_INPUTS} files:`,
    '',
    markdownTable(
      ['file', 'bytes'],
      contents.inputs.slice(0, LARGEST_INPUTS).map((input) => [input.path, bytes(input.bytes)]),
    ),
  ].join('\n');
}
