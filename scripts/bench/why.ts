import { chunkCount, outputBytes, outputsLoadedAtStart } from './bundle-outputs';
import { bundleContents } from './metafile';
import { buildProductionBundle, deployedFunction } from './production-build';
import { bytes, markdownTable } from './table';

const LARGEST_INPUTS = 15;

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`;

/**
 * What the bundle of function `name` contains, from esbuild's metafile of a build with the production options:
 * bytes per package, largest first, with the part loaded at start (the entry and the chunks it imports statically;
 * the others load at their dynamic `import()`), then the largest files. For finding what grew when a size budget
 * fails, or what a cold start parses.
 */
export async function explainBundle(name: string): Promise<string> {
  const deployed = deployedFunction(name);
  const built = await buildProductionBundle(deployed.entry);
  const atStart = outputsLoadedAtStart(built);
  const contents = bundleContents(
    built.metafile,
    Object.keys(built.metafile.outputs).filter((key) => key.endsWith('.js')),
  );
  const startBytes = new Map(
    bundleContents(built.metafile, atStart).packages.map((share) => [share.name, share.bytes]),
  );
  return [
    `${name} (${deployed.entry}): ${bytes(contents.totalBytes)} bytes minified in the entry and ${chunkCount(built)} ` +
      `chunks; ${bytes(outputBytes(built, atStart))} bytes loaded at start (the entry and ${atStart.length - 1} chunks).`,
    '',
    markdownTable(
      ['package', 'bytes', 'share', 'at start', 'files'],
      contents.packages.map((share) => [
        share.name,
        bytes(share.bytes),
        percent(share.bytes, contents.totalBytes),
        bytes(startBytes.get(share.name) ?? 0),
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
