import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile, Plugin } from 'esbuild';

/** The manifest that makes Node, and Lambda's Node.js runtime, load the `.js` files of its folder as ES modules. */
export const ES_MODULE_MANIFEST = `${JSON.stringify({ type: 'module' })}\n`;

function manifestFile(folder: string): OutputFile {
  const contents = new TextEncoder().encode(ES_MODULE_MANIFEST);
  return { path: join(folder, 'package.json'), contents, hash: '', text: ES_MODULE_MANIFEST };
}

/**
 * An esbuild plugin that adds `package.json` with `"type": "module"` to the output folder of an ES module build.
 * A bundle then keeps the `.js` extension, which `serverless invoke local` requires (it loads a handler's file by
 * `require` of its name without extension, and Node ≥ 20.19 `require`s an ES module), while Lambda's runtime and
 * serverless-offline, which follow the nearest `package.json` as Node does, `import()` it. With `write: false` the
 * manifest joins the build's output files.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html#designate-es-module
 */
export const esModulePackage: Plugin = {
  name: 'es-module-package',
  setup(build) {
    const { format, outdir } = build.initialOptions;
    if (format !== 'esm' || outdir === undefined) return;
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      if (result.outputFiles === undefined) {
        mkdirSync(outdir, { recursive: true });
        writeFileSync(join(outdir, 'package.json'), ES_MODULE_MANIFEST);
      } else {
        result.outputFiles.push(manifestFile(outdir));
      }
    });
  },
};
