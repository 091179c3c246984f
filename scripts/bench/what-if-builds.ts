import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT, productionBuildOptions } from './production-build';

/**
 * Lets bundled CommonJS packages `require` Node's built-in modules from an ES module bundle, which has no
 * `require` of its own.
 */
const REQUIRE_SHIM =
  "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);";

/**
 * Builds `entry` as the production options would with ES module output and code splitting: every dynamic
 * `import()` becomes its own chunk file, loaded (and parsed) only when the import runs, and packages are taken
 * in their ES module form. Returns the entry file (`.mjs`). Not what deploys today; the bench measures it to
 * show what it would change.
 */
export async function buildSplitEsModules(entry: string, outDir: string): Promise<string> {
  const result = await build({
    ...productionBuildOptions(),
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outdir: outDir,
    format: 'esm',
    splitting: true,
    // The SDK's ES module builds: a chunk made from a CommonJS build exports only `default`, so the named
    // exports a dynamic import() destructures would be missing.
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === entry)?.[0];
  if (output === undefined) throw new Error(`esbuild produced no entry chunk for ${entry}.`);
  return join(PROJECT_ROOT, output);
}
