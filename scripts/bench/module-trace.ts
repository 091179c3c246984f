import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { TRACE_GLOBAL } from './cold-run';
import { packageOf } from './metafile';
import { PROJECT_ROOT } from './production-build';

/** A JavaScript file's leading directives (`"use strict";`), comments and hashbang, which must stay first. */
const PROLOGUE = /^(?:#![^\n]*\n)?(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(['"])use strict\1;?)*/;

/**
 * An esbuild plugin that makes a bundle record which npm packages it evaluates, and when: the first
 * statement of every file under `node_modules` appends the file's package name to `globalThis[TRACE_GLOBAL]`
 * (if that array exists). esbuild evaluates a bundled module exactly when the unbundled program would
 * (at load for static imports, on first call for `import()` and lazy `require`), so reading the array after
 * loading the bundle and again after an invocation is a require trace of the single-file bundle. The marker
 * changes nothing else; the traced bundle is used only for the trace, never for timing.
 */
export function moduleTracePlugin(): Plugin {
  return {
    name: 'bench-module-trace',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.(?:c|m)?js$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const prologue = PROLOGUE.exec(source)?.[0] ?? '';
        const marker = `globalThis.${TRACE_GLOBAL}?.push(${JSON.stringify(packageOf(relative(PROJECT_ROOT, path)))});\n`;
        return { contents: prologue + marker + source.slice(prologue.length), loader: 'js', resolveDir: dirname(path) };
      });
    },
  };
}
