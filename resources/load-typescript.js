// @ts-check

/**
 * Loads one of the project's TypeScript modules into a resolver that serverless.yml runs at package time (see
 * resources/pool-settings.js): esbuild bundles it in memory with the path aliases of tsconfig.json, and the result
 * is compiled as a CommonJS module. Packages stay `require`s; no require hook is left behind in the framework's
 * process. Each module is built once per process.
 */

const Module = require('node:module');
const path = require('node:path');
const { buildSync } = require('esbuild');

const PROJECT_ROOT = path.join(__dirname, '..');
/** @type {Map<string, unknown>} */
const loaded = new Map();

/**
 * The exports of the TypeScript module at `entry`, a path relative to the project.
 * @param {string} entry
 * @returns {any}
 */
function loadTypeScript(entry) {
  if (!loaded.has(entry)) {
    const filename = path.join(PROJECT_ROOT, entry);
    const { outputFiles } = buildSync({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [filename],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const compiled = new Module(filename, module);
    compiled.filename = filename;
    // @ts-expect-error Node's own lookup paths for a module in that folder; not in its type declarations.
    compiled.paths = Module._nodeModulePaths(path.dirname(filename));
    // @ts-expect-error Compiling source text as a module is not in Node's type declarations.
    compiled._compile(outputFiles[0]?.text ?? '', filename);
    loaded.set(entry, compiled.exports);
  }
  return loaded.get(entry);
}

module.exports = { loadTypeScript };
